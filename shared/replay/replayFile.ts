/**
 * The bytes of a recording file: a magic line, then records, each its 4-byte length and a
 * gzip member of its JSON. A record is written whole once a second, so a server that dies
 * leaves a file readable up to its last second; gzip's own checksum catches a record
 * damaged on the way. The same code reads a file in Node and in the browser.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { unpackKeyChanges, type StoredChunk } from "./keyRuns";
import { asChunk, asHeader, ReplayFormatError, ShipRoster, type Recording, type ReplayChunk, type ReplayHeader } from "./recording";

/** The file's first bytes: "NTRP" and a format byte, then a newline. */
export const REPLAY_MAGIC = strToU8("NTRP1\n");
/** Largest record accepted when reading, packed and unpacked: a second of a full room is a few kilobytes. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const LENGTH_BYTES = 4;

/** A record as written to the file: length, then the gzipped JSON. */
export function encodeRecord(record: ReplayHeader | ReplayChunk | StoredChunk): Uint8Array {
  const body = gzipSync(strToU8(JSON.stringify(record)), { level: 6, mtime: 0 });
  const out = new Uint8Array(LENGTH_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, body.length, true);
  out.set(body, LENGTH_BYTES);
  return out;
}

/** The start of a file: the magic line and the header record. */
export function encodeFileStart(header: ReplayHeader): Uint8Array {
  const record = encodeRecord(header);
  const out = new Uint8Array(REPLAY_MAGIC.length + record.length);
  out.set(REPLAY_MAGIC, 0);
  out.set(record, REPLAY_MAGIC.length);
  return out;
}

function decodeJson(body: Uint8Array, where: string): unknown {
  // gunzip sizes its output from the member's last 4 bytes: a forged size must not make it allocate gigabytes.
  const unpacked = body.length < 4 ? 0 : new DataView(body.buffer, body.byteOffset + body.length - 4, 4).getUint32(0, true);
  if (unpacked > MAX_RECORD_BYTES) throw new ReplayFormatError(`${where} is damaged (it claims ${unpacked} bytes unpacked)`);
  try {
    return JSON.parse(strFromU8(gunzipSync(body)));
  } catch (error) {
    throw new ReplayFormatError(`${where} is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Just the header of a recording (its first bytes suffice), or a ReplayFormatError. */
export function readHeader(bytes: Uint8Array): ReplayHeader {
  if (bytes.length < REPLAY_MAGIC.length || REPLAY_MAGIC.some((byte, i) => bytes[i] !== byte))
    throw new ReplayFormatError("not a netroids replay file (it does not start with NTRP1)");
  const start = REPLAY_MAGIC.length;
  if (start + LENGTH_BYTES > bytes.length) throw new ReplayFormatError("the replay file is cut short inside its header");
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(start, true);
  if (start + LENGTH_BYTES + length > bytes.length) throw new ReplayFormatError("the replay file is cut short inside its header");
  return asHeader(decodeJson(bytes.subarray(start + LENGTH_BYTES, start + LENGTH_BYTES + length), "the replay header"));
}

/**
 * Reads a recording. A file that is not a recording, or one damaged inside, is a
 * ReplayFormatError saying where; a file whose last record was cut short reads up to the
 * record before, with `problem` saying so.
 */
export function readRecording(bytes: Uint8Array): Recording {
  const header = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = REPLAY_MAGIC.length + LENGTH_BYTES + view.getUint32(REPLAY_MAGIC.length, true);
  const chunks: ReplayChunk[] = [];
  const roster = new ShipRoster();
  let problem: string | undefined;
  while (offset < bytes.length) {
    const index = chunks.length + 1;
    const length = offset + LENGTH_BYTES <= bytes.length ? view.getUint32(offset, true) : undefined;
    if (length !== undefined && length > MAX_RECORD_BYTES)
      throw new ReplayFormatError(`replay record ${index + 1} is damaged (length ${length})`);
    if (length === undefined || offset + LENGTH_BYTES + length > bytes.length) {
      problem = `the file is cut short after ${seconds(chunks)}: the replay ends there`;
      break;
    }
    const body = bytes.subarray(offset + LENGTH_BYTES, offset + LENGTH_BYTES + length);
    offset += LENGTH_BYTES + length;
    const chunk = asChunk(unpacked(decodeJson(body, `replay record ${index + 1}`), index), index, chunks.at(-1)?.tick ?? 0);
    for (const event of chunk.events) roster.check(event);
    chunks.push(chunk);
    if (chunk.endedAt !== undefined) {
      if (offset < bytes.length) problem = "the file goes on after its closing record; the rest is ignored";
      break;
    }
  }
  const finished = chunks.at(-1)?.endedAt !== undefined;
  return { header, chunks, finished, ...(problem === undefined ? {} : { problem }) };
}

/** A record as read, with its packed key changes unpacked (keyRuns.ts). */
function unpacked(value: unknown, index: number): unknown {
  if (typeof value !== "object" || value === null || !("events" in value)) return value;
  return { ...value, events: unpackKeyChanges(value.events, `replay record ${index + 1}`) };
}

/** How much of the match a recording's chunks hold, in words. */
function seconds(chunks: readonly ReplayChunk[]): string {
  const tick = chunks.at(-1)?.tick ?? 0;
  return `${chunks.length} complete record${chunks.length === 1 ? "" : "s"} (step ${tick})`;
}
