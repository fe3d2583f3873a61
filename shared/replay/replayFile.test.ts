/** Reading recordings: round trip, and a clear ReplayFormatError for every kind of damage. */
import { gzipSync, strToU8 } from "fflate";
import { encodeFileStart, encodeRecord, readHeader, readRecording, REPLAY_MAGIC } from "./replayFile";
import { replayFileOf, TEST_REPLAY_HEADER } from "../../test/support/replayFiles";
import { ReplayFormatError, ReplayOp, type ReplayChunk, type ReplayHeader } from "./recording";

const header = TEST_REPLAY_HEADER;
const second: ReplayChunk = {
  type: "chunk",
  tick: 60,
  hash: "0123abcd",
  events: [
    [1, ReplayOp.Join, 0, "abc", "Ann", "#ff0000", 0],
    [5, ReplayOp.Keys, 0, 3],
    [9, ReplayOp.Rewind, 0, 12],
  ],
};
const last: ReplayChunk = { type: "chunk", tick: 90, hash: "89abcdef", events: [[91, ReplayOp.Leave, 0]], endedAt: 1_764_633_601_500 };

function fileOf(...records: Uint8Array[]): Uint8Array {
  return replayFileOf(header, ...records);
}

const whole = fileOf(encodeRecord(second), encodeRecord(last));

test("a recording reads back as written, finished", () => {
  const recording = readRecording(whole);
  expect(recording).toEqual({ header, chunks: [second, last], finished: true });
  expect(readHeader(whole.subarray(0, 200))).toEqual(header);
});

test("a header written before simulation versions reads as version 1; a bad version is refused", () => {
  const { simulation: _dropped, ...older } = header;
  expect(readHeader(encodeFileStart(older as ReplayHeader))).toEqual({ ...header, simulation: 1 });
  expect(() => readHeader(encodeFileStart({ ...header, simulation: 0 }))).toThrow(/replay header: bad simulation/);
  expect(() => readHeader(encodeFileStart({ ...header, simulation: "2" as unknown as number }))).toThrow(/bad simulation/);
});

test("a file cut inside its last record reads up to the record before, and says so", () => {
  const cut = readRecording(whole.subarray(0, whole.length - 5));
  expect(cut.finished).toBe(false);
  expect(cut.chunks).toEqual([second]);
  expect(cut.problem).toMatch(/cut short after 1 complete record \(step 60\)/);
  // Cut between records (a room still playing, or a crash between seconds): readable, unfinished, no problem.
  const between = readRecording(fileOf(encodeRecord(second)));
  expect(between).toEqual({ header, chunks: [second], finished: false });
});

test.each<[string, Uint8Array, RegExp]>([
  ["empty", new Uint8Array(0), /not a netroids replay file/],
  ["another format", strToU8("PK\u0003\u0004 a zip file, say"), /not a netroids replay file/],
  ["cut inside the header", whole.subarray(0, REPLAY_MAGIC.length + 10), /cut short inside its header/],
  ["a flipped byte in a record", flipped(whole, whole.length - 30), /replay record \d+ is damaged|bad/],
  ["a huge length", withLength(whole, 0xffffffff), /damaged \(length/],
  ["a record that is not JSON", fileOf(lengthPrefixed(gzipSync(strToU8("{not json")))), /replay record 2 is damaged/],
  ["a chunk with a bad event", fileOf(encodeRecord({ ...second, events: [[1, 9, 0]] } as unknown as ReplayChunk)), /bad event/],
  ["ticks going backwards", fileOf(encodeRecord({ ...last, endedAt: undefined }), encodeRecord(second)), /bad tick/],
  ["a newer format", fileOfHeader({ ...header, version: 99 }), /version 99 is not supported/],
  ["another tick rate", fileOfHeader({ ...header, tickRate: 0 }), /tick rate 0/],
  ["a field no room has", fileOfHeader({ ...header, width: 1e9 }), /field is not one a room plays on/],
  [
    "a record claiming gigabytes unpacked",
    fileOf(lengthPrefixed(withTrailer(gzipSync(strToU8("{}")), 0xfffffff0))),
    /claims \d+ bytes unpacked/,
  ],
  ["a jump of many steps", fileOf(encodeRecord({ ...second, tick: 1e12 })), /bad tick/],
  [
    "an event out of its record's stretch",
    fileOf(encodeRecord({ ...second, events: [[500, ReplayOp.Join, 0, "a", "A", "#fff", 0]] })),
    /out of its stretch/,
  ],
  ["an event for a ship not in the match", fileOf(encodeRecord({ ...second, events: [[5, ReplayOp.Keys, 3, 1]] })), /names ship 3/],
  [
    "ships joining out of order",
    fileOf(encodeRecord({ ...second, events: [[5, ReplayOp.Join, 7, "a", "A", "#fff", 0]] })),
    /joins out of order/,
  ],
])("%s: a clear ReplayFormatError", (_, bytes, message) => {
  expect(() => readRecording(bytes)).toThrow(ReplayFormatError);
  expect(() => readRecording(bytes)).toThrow(message);
});

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

/** The file with its second record's length replaced. */
function withLength(bytes: Uint8Array, length: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const headerLength = view.getUint32(REPLAY_MAGIC.length, true);
  view.setUint32(REPLAY_MAGIC.length + 4 + headerLength, length, true);
  return copy;
}

/** A gzip member with its size trailer (the last 4 bytes) replaced. */
function withTrailer(member: Uint8Array, size: number): Uint8Array {
  const copy = member.slice();
  new DataView(copy.buffer).setUint32(copy.length - 4, size, true);
  return copy;
}

function lengthPrefixed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length, true);
  out.set(body, 4);
  return out;
}

function fileOfHeader(value: object): Uint8Array {
  const record = lengthPrefixed(gzipSync(strToU8(JSON.stringify(value))));
  const out = new Uint8Array(REPLAY_MAGIC.length + record.length);
  out.set(REPLAY_MAGIC);
  out.set(record, REPLAY_MAGIC.length);
  return out;
}
