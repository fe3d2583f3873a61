import { INPUT_STEPS_PER_MESSAGE } from "./constants";
import { Key } from "./input";
import {
  cleanColor,
  cleanPlayerName,
  cleanRoomName,
  MAX_REPORTED_RTT_MS,
  parseInputBatch,
  parseRttReport,
  MAX_STEPS_PER_INPUT,
} from "./protocol";

describe("parseInputBatch", () => {
  test("accepts exactly { seq, keys } with integer fields in range", () => {
    expect(parseInputBatch({ seq: 0, keys: 0 })).toEqual([{ seq: 0, keys: 0 }]);
    expect(parseInputBatch({ keys: Key.Up | Key.Fire, seq: 0xffffffff })).toEqual([{ seq: 0xffffffff, keys: 17 }]);
  });

  test("accepts an optional integer seen tick", () => {
    expect(parseInputBatch({ seq: 3, keys: 1, seen: 1200 })).toEqual([{ seq: 3, keys: 1, seen: 1200 }]);
    expect(parseInputBatch({ seq: 3, keys: 1, seen: -1 })).toBeUndefined();
    expect(parseInputBatch({ seq: 3, keys: 1, seen: 1.5 })).toBeUndefined();
    expect(parseInputBatch({ seq: 3, keys: 1, seen: "now" })).toBeUndefined();
  });

  test("rejects the old name of the seen tick, `view`, as an unknown field", () => {
    expect(parseInputBatch({ seq: 3, keys: 1, view: 1200 })).toBeUndefined();
  });

  test("expands a batch of consecutive steps, each seen a tick further on", () => {
    expect(parseInputBatch({ seq: 10, keys: [Key.Up, Key.Up | Key.Fire], seen: 500 })).toEqual([
      { seq: 10, keys: Key.Up, seen: 500 },
      { seq: 11, keys: Key.Up | Key.Fire, seen: 501 },
    ]);
    expect(parseInputBatch({ seq: 1, keys: [0, 0, 0, 0] })).toHaveLength(MAX_STEPS_PER_INPUT);
  });

  test("accepts the batches our clients send (a tuning of INPUT_STEPS_PER_MESSAGE must stay within the protocol)", () => {
    expect(parseInputBatch({ seq: 1, keys: Array(INPUT_STEPS_PER_MESSAGE).fill(0) })).toHaveLength(INPUT_STEPS_PER_MESSAGE);
  });

  test.each([
    ["an empty batch", { seq: 1, keys: [] }],
    ["too many steps", { seq: 1, keys: Array(MAX_STEPS_PER_INPUT + 1).fill(0) }],
    ["a bad key in a batch", { seq: 1, keys: [1, 64] }],
    ["a string in a batch", { seq: 1, keys: [1, "2"] }],
    ["a batch running past uint32", { seq: 0xffffffff, keys: [0, 0] }],
    ["undefined", undefined],
    ["a string", "input"],
    ["an array", [1, 2]],
    ["NaN seq", { seq: NaN, keys: 0 }],
    ["-Infinity keys", { seq: 1, keys: -Infinity }],
    ["seq past uint32", { seq: 2 ** 32, keys: 0 }],
    ["negative keys", { seq: 1, keys: -1 }],
    ["an unknown key bit", { seq: 1, keys: 32 }],
    ["a boolean field", { seq: true, keys: 0 }],
    ["an extra field", { seq: 1, keys: 0, extra: 1 }],
    ["a missing field", { keys: 0 }],
  ])("rejects %s", (_label, payload) => {
    expect(parseInputBatch(payload)).toBeUndefined();
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

test("colours must be #rrggbb and come back lower-case", () => {
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
