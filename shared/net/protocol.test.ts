import { Key } from "../sim/input";
import { cleanColor, cleanPlayerName, cleanRoomName } from "./joinOptions";
import { MAX_REPORTED_RTT_MS, parseInput, parseRttReport, MAX_RUNS_PER_INPUT } from "./inputMessage";

describe("parseInput", () => {
  test("accepts { upTo } (a heartbeat) and { upTo, seen, runs } with integer fields in range", () => {
    expect(parseInput({ upTo: 0 })).toEqual({ upTo: 0, seen: undefined, runs: [] });
    expect(parseInput({ upTo: 0xffffffff, seen: 1200, runs: [[7, Key.Up | Key.Fire]] })).toEqual({
      upTo: 0xffffffff,
      seen: 1200,
      runs: [[7, 17]],
    });
  });

  test("takes the changes of a tap, oldest first, and up to MAX_RUNS_PER_INPUT of them", () => {
    expect(
      parseInput({
        upTo: 11,
        runs: [
          [10, Key.Fire],
          [11, 0],
        ],
      })?.runs,
    ).toEqual([
      [10, Key.Fire],
      [11, 0],
    ]);
    const most = Array.from({ length: MAX_RUNS_PER_INPUT }, (_, i) => [i + 1, 0]);
    expect(parseInput({ upTo: MAX_RUNS_PER_INPUT, runs: most })?.runs).toHaveLength(MAX_RUNS_PER_INPUT);
  });

  test("takes a round-trip probe's echo as a uint32, and nothing else", () => {
    expect(parseInput({ upTo: 5, echo: 0xffffffff })?.echo).toBe(0xffffffff);
    for (const echo of [-1, 1.5, 2 ** 32, Number.NaN, "7", null, [7]]) expect(parseInput({ upTo: 5, echo })).toBeUndefined();
  });

  test("rejects the previous protocol's every-step message as unknown fields", () => {
    expect(parseInput({ seq: 3, keys: 1 })).toBeUndefined();
  });

  test.each([
    ["too many runs", { upTo: 99, runs: Array.from({ length: MAX_RUNS_PER_INPUT + 1 }, (_, i) => [i + 1, 0]) }],
    ["a run after upTo", { upTo: 5, runs: [[6, 1]] }],
    [
      "runs out of order",
      {
        upTo: 5,
        runs: [
          [3, 1],
          [2, 0],
        ],
      },
    ],
    [
      "two runs at one step",
      {
        upTo: 5,
        runs: [
          [2, 1],
          [2, 0],
        ],
      },
    ],
    ["a run of one number", { upTo: 5, runs: [[5]] }],
    ["a run of three", { upTo: 5, runs: [[5, 1, 1]] }],
    ["runs not an array", { upTo: 5, runs: { 0: [5, 1] } }],
    ["a flat run", { upTo: 5, runs: [5, 1] }],
    ["a bad key", { upTo: 5, runs: [[5, 64]] }],
    ["a string key", { upTo: 5, runs: [[5, "2"]] }],
    ["a negative seen", { upTo: 3, seen: -1 }],
    ["a fractional seen", { upTo: 3, seen: 1.5 }],
    ["a string seen", { upTo: 3, seen: "now" }],
    ["undefined", undefined],
    ["a string", "input"],
    ["an array", [1, 2]],
    ["NaN upTo", { upTo: NaN }],
    ["upTo past uint32", { upTo: 2 ** 32 }],
    ["a boolean upTo", { upTo: true }],
    ["an extra field", { upTo: 1, extra: 1 }],
    ["a missing upTo", { runs: [[1, 0]] }],
  ])("rejects %s", (_label, payload) => {
    expect(parseInput(payload)).toBeUndefined();
  });
});

describe("display names", () => {
  test("control and format characters go, whitespace collapses, length is cut to 16", () => {
    expect(cleanPlayerName("  Ada\u0007\u200b  Lovelace\n")).toBe("Ada Lovelace");
    expect(cleanPlayerName("x".repeat(40))).toBe("x".repeat(16));
    // Cut by characters, not UTF-16 units: an emoji is not split in half.
    expect(cleanPlayerName("🚀".repeat(20))).toBe("🚀".repeat(16));
  });

  test("empty, blank or non-string names fall back (undefined)", () => {
    expect(cleanPlayerName("")).toBeUndefined();
    expect(cleanPlayerName(" \t\u0000 ")).toBeUndefined();
    expect(cleanPlayerName(12)).toBeUndefined();
    expect(cleanPlayerName({ toString: () => "x" })).toBeUndefined();
  });

  test("room names allow 32 characters", () => {
    expect(cleanRoomName("r".repeat(50))).toBe("r".repeat(32));
  });
});

test("colors must be #rrggbb and come back lower-case", () => {
  expect(cleanColor("#A1B2C3")).toBe("#a1b2c3");
  expect(cleanColor("red")).toBeUndefined();
  expect(cleanColor("#abc")).toBeUndefined();
  expect(cleanColor("#a1b2c3; x")).toBeUndefined();
});

describe("parseRttReport", () => {
  it("accepts a finite number of milliseconds in range", () => {
    expect(parseRttReport(0)).toBe(0);
    expect(parseRttReport(12.5)).toBe(12.5);
    expect(parseRttReport(MAX_REPORTED_RTT_MS)).toBe(MAX_REPORTED_RTT_MS);
  });

  it("rejects anything else", () => {
    for (const bad of [-1, MAX_REPORTED_RTT_MS + 1, Number.NaN, Number.POSITIVE_INFINITY, "12", null, undefined, { ms: 12 }, [12]]) {
      expect(parseRttReport(bad)).toBeUndefined();
    }
  });
});
