/** Packed key changes: they read back as the Keys events written, in step order; they cost less; and a forged one is refused. */
import { packKeyChanges, type StoredEvent } from "./keyRuns";
import { ReplayFormatError, ReplayOp, type ReplayChunk, type ReplayEvent } from "./recording";
import { encodeRecord, readRecording } from "./replayFile";
import { replayFileOf, TEST_REPLAY_HEADER } from "../../test/support/replayFiles";

const header = TEST_REPLAY_HEADER;

function fileOf(...records: Uint8Array[]): Uint8Array {
  return replayFileOf(header, ...records);
}

/** A record as the recorder writes it: its key changes packed. */
function packed(tick: number, events: ReplayEvent[]): Uint8Array {
  return encodeRecord({ type: "chunk", tick, hash: "0123abcd", events: packKeyChanges(events) });
}

// As the recorder makes them: joins before the step they take effect at, then that step's keys, then its rewinds.
const events: ReplayEvent[] = [
  [1, ReplayOp.Join, 0, "a", "Ann", "#ff0000", 0],
  [1, ReplayOp.Keys, 0, 1],
  [2, ReplayOp.Keys, 0, 17],
  [2, ReplayOp.Rewind, 0, 4],
  [5, ReplayOp.Join, 1, "b", "Bob", "#00ff00", 3],
  [5, ReplayOp.Keys, 0, 0],
  [5, ReplayOp.Keys, 1, 8],
  [9, ReplayOp.Leave, 0],
  [60, ReplayOp.Keys, 1, 31],
];

test("packed key changes read back as the events written, in their order", () => {
  const stored = packKeyChanges(events);
  expect(stored.filter((event) => event[1] === ReplayOp.PackedKeys)).toEqual([
    [1, ReplayOp.PackedKeys, 0, "BRA", "BD"],
    [5, ReplayOp.PackedKeys, 1, "If", "3"],
  ]);
  expect(readRecording(fileOf(packed(60, events))).chunks[0]!.events).toEqual(events);
});

test("a ship with one change, and keys past a digit, stay plain Keys events", () => {
  const few: ReplayEvent[] = [
    [1, ReplayOp.Join, 0, "a", "Ann", "#ff0000", 0],
    [3, ReplayOp.Keys, 0, 64],
    [4, ReplayOp.Keys, 0, 2],
  ];
  expect(packKeyChanges(few)).toEqual(few);
});

test("a recording of key spam costs a third of the same events as tuples", () => {
  const spam: ReplayEvent[] = [];
  for (let ship = 0; ship < 40; ship++) spam.push([1, ReplayOp.Join, ship, `s${ship}`, `Spam ${ship}`, "#ffffff", 0]);
  let seed = 1;
  for (let tick = 1; tick <= 60; tick += 3)
    for (let ship = 0; ship < 40; ship++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      spam.push([tick, ReplayOp.Keys, ship, 1 + (seed % 31)]);
    }
  const tuples = encodeRecord({ type: "chunk", tick: 60, hash: "0123abcd", events: spam }).length;
  const packedBytes = packed(60, spam).length;
  expect(packedBytes * 2).toBeLessThan(tuples);
  expect(readRecording(fileOf(packed(60, spam))).chunks[0]!.events).toEqual(
    [...spam].sort((a, b) => a[0] - b[0] || Number(a[1] === ReplayOp.Keys) - Number(b[1] === ReplayOp.Keys)),
  );
});

const join: ReplayEvent = [1, ReplayOp.Join, 0, "a", "Ann", "#ff0000", 0];
const forged: Array<[string, StoredEvent | unknown[], RegExp]> = [
  ["gaps of the wrong length", [2, ReplayOp.PackedKeys, 0, "BC", "BB"], /bad packed keys/],
  ["a gap of 0 (two changes at one step)", [2, ReplayOp.PackedKeys, 0, "BC", "A"], /bad packed keys/],
  ["a character outside the digits", [2, ReplayOp.PackedKeys, 0, "B!", "B"], /bad packed keys/],
  ["keys that are no string", [2, ReplayOp.PackedKeys, 0, 5, ""], /bad packed keys/],
  ["more changes than a record has steps", [2, ReplayOp.PackedKeys, 0, "B".repeat(62), "B".repeat(61)], /bad packed keys/],
  ["a change past its record's stretch", [50, ReplayOp.PackedKeys, 0, "BC", "_"], /out of its stretch/],
  ["a ship not in the match", [2, ReplayOp.PackedKeys, 4, "BC", "B"], /names ship 4/],
];

test.each(forged)("a packed event with %s is a ReplayFormatError", (_what, event, message) => {
  const record = encodeRecord({ type: "chunk", tick: 60, hash: "0123abcd", events: [join, event as StoredEvent] });
  expect(() => readRecording(fileOf(record))).toThrow(ReplayFormatError);
  expect(() => readRecording(fileOf(record))).toThrow(message);
});

test("a version 1 file, every change a tuple, still reads", () => {
  const chunk: ReplayChunk = { type: "chunk", tick: 60, hash: "0123abcd", events };
  expect(readRecording(replayFileOf({ ...header, version: 1 }, encodeRecord(chunk)))).toMatchObject({
    header: { version: 1 },
    chunks: [chunk],
  });
});
