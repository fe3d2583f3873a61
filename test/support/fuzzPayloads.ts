/**
 * Hostile traffic for the fuzz test, drawn from a seeded PRNG so every run sends the
 * same messages in the same order. Two families: room messages as an SDK client sends
 * them (any type, payloads of every JSON type and worse), and raw WebSocket frames that
 * are no room message at all. Every one is bad by construction: the server must drop
 * each, so the test can expect exact counts.
 */
import { MAX_MESSAGE_BYTES } from "../../server/app";
import { Key } from "../../shared/sim/input";
import { ClientMessage } from "../../shared/net/messages";
import { MAX_RUNS_PER_INPUT, MAX_STEP, parseInput, parseRttReport } from "../../shared/net/inputMessage";
import { nextRandom, type RngState } from "../../shared/sim/rng";

export interface BadMessage {
  type: string | number;
  payload: unknown;
}

export function randomInt(rng: RngState, below: number): number {
  return Math.floor(nextRandom(rng) * below);
}

function pick<T>(rng: RngState, items: readonly T[]): T {
  return items[randomInt(rng, items.length)]!;
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  -1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 32,
  2 ** 53 + 2,
  MAX_STEP + 1,
  -(2 ** 63),
];
const STRINGS = ["", "up", "16", "null", "NaN", "💥🚀", "\u0000\u202e\ufeff", "<script>", '{"upTo":1,"runs":[[1,1]]}', "x".repeat(3000)];
const KEYS = ["upTo", "runs", "seen", "seq", "keys", "x", "y", "score", "__proto__", "constructor", "toString", "", "💥"];
/** Message types: ours (with bad payloads), near misses, prototype names, numbers and a long one. */
const TYPES: ReadonlyArray<string | number> = [
  ClientMessage.Input,
  ClientMessage.Input,
  ClientMessage.Rtt,
  "",
  "*",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "Input",
  "input ",
  "teleport",
  "events",
  "💥",
  0,
  1,
  -1,
  99,
  1.5,
  2 ** 32,
  "t".repeat(200),
];

/** Inputs one field away from valid. */
function nearInput(rng: RngState): unknown {
  return pick(rng, [
    { upTo: 1, runs: [[1, "16"]] },
    { upTo: 1, runs: [[1, Number.NaN]] },
    { upTo: Infinity },
    { upTo: 1.5 },
    { upTo: -1 },
    { upTo: 1, runs: [[1, 64]] },
    { upTo: 1, runs: [[1, -1]] },
    { runs: [[1, Key.Fire]] },
    { upTo: 1, runs: [[1, 1]], x: 500 },
    {
      upTo: 5,
      runs: [
        [2, 1],
        [2, 0],
      ],
    },
    {
      upTo: 5,
      runs: [
        [3, 1],
        [2, 0],
      ],
    },
    { upTo: 5, runs: [[6, 1]] },
    { upTo: 5, runs: [[5]] },
    { upTo: 5, runs: [[5, 1, 1]] },
    { upTo: 5, runs: [5, 1] },
    { upTo: 5, runs: { 0: [5, 1] } },
    { upTo: 99, runs: Array.from({ length: MAX_RUNS_PER_INPUT + 1 }, (_, i) => [i + 1, 0]) },
    { upTo: 1, seen: -1 },
    { upTo: 1, seen: Number.NaN },
    // The previous protocol: every step, with a sequence number.
    { seq: 1, keys: 1 },
    { upTo: "1" },
    { upTo: null, runs: null },
    {
      upTo: 1,
      runs: [
        [1, Key.Up],
        ["x", 0],
      ],
    },
    { upTo: 1, seen: MAX_STEP + 1 },
  ]);
}

function jsonValue(rng: RngState, depth: number): unknown {
  const kind = randomInt(rng, depth > 3 ? 4 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return nextRandom(rng) < 0.5;
    case 2:
      return nextRandom(rng) < 0.7 ? pick(rng, NUMBERS) : (nextRandom(rng) - 0.5) * 10 ** randomInt(rng, 12);
    case 3:
      return pick(rng, STRINGS);
    case 4:
      return Array.from({ length: randomInt(rng, 6) }, () => jsonValue(rng, depth + 1));
    case 5:
      return Object.fromEntries(Array.from({ length: randomInt(rng, 5) }, () => [pick(rng, KEYS), jsonValue(rng, depth + 1)]));
    case 6:
      return pick(rng, [
        Array.from({ length: 300 }, (_, i) => i * 1000),
        nested(40),
        Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i])),
      ]);
    default:
      return nearInput(rng);
  }
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** An upper bound of a value's MessagePack size, bytes: a payload must stay under the frame limit to be a message at all. */
function packedSizeBound(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value) + 5;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + packedSizeBound(item), 5);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).reduce((sum, [key, item]) => sum + packedSizeBound(key) + packedSizeBound(item), 5);
  }
  return 9;
}

/** Room messages must stay a safe margin under the frame limit (the type adds up to ~200 bytes). */
const MAX_PAYLOAD_BOUND = MAX_MESSAGE_BYTES - 512;

/** True when the server would accept it: only bad messages may be sent. */
function isValid(message: BadMessage): boolean {
  if (message.type === ClientMessage.Input) return parseInput(message.payload) !== undefined;
  if (message.type === ClientMessage.Rtt) return parseRttReport(message.payload) !== undefined;
  return false;
}

export function badMessage(rng: RngState): BadMessage {
  for (let attempt = 0; attempt < 20; attempt++) {
    const type = pick(rng, TYPES);
    const payload =
      nextRandom(rng) < 0.05 ? undefined : type === ClientMessage.Input && nextRandom(rng) < 0.5 ? nearInput(rng) : jsonValue(rng, 0);
    const message = { type, payload };
    if (!isValid(message) && packedSizeBound(payload) <= MAX_PAYLOAD_BOUND) return message;
  }
  return { type: "fallback", payload: null };
}

/**
 * Protocol codes a frame may start with that are not a bare room message (13): housekeeping codes with a body,
 * server-only codes, requests, inputs, modifier bits.
 */
const LOOKALIKE_CODES = [0, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 31, 13 | 0x20, 13 | 0x40, 13 | 0x80, 255];
/** MessagePack bodies that do not decode: truncated strings, arrays, floats, an unknown extension, trailing bytes. */
const BROKEN_BODIES = [
  [0xd9, 0xff],
  [0xdc, 0xff, 0xff, 0x01],
  [0xc7, 0x05, 0x05],
  [0x81],
  [0xcb, 1, 2],
  [0x01, 0x02],
  [0xdd, 0xff, 0xff, 0xff, 0xff],
];

function randomBytes(rng: RngState, length: number): number[] {
  return Array.from({ length }, () => randomInt(rng, 256));
}

/** "input" as a MessagePack fixstr: how the SDK writes a message type. */
const INPUT_TYPE = [0xa5, ...Buffer.from("input")];

/** A raw frame no SDK sends: it must be dropped as junk, never reach a room handler. */
export function junkFrame(rng: RngState): Uint8Array | string {
  switch (randomInt(rng, 7)) {
    case 0:
      return Uint8Array.from([pick(rng, LOOKALIKE_CODES), ...randomBytes(rng, 1 + randomInt(rng, 40))]);
    case 1:
      return Uint8Array.from([13, ...INPUT_TYPE, ...pick(rng, BROKEN_BODIES)]);
    // A message type cut short (a string's length byte, a float's bytes missing).
    case 2:
      return Uint8Array.from([13, ...pick(rng, [[0xd9], [0xca, 0x01], [0xcb, 0x01, 0x02], [0xcd]])]);
    case 3:
      return Uint8Array.from(pick(rng, [[], [13], [0], [17], [255], [11]]));
    case 4:
      return pick(rng, ['{"seq":1,"keys":1}', "input", "\u0012", "x".repeat(1 + randomInt(rng, 2000))]);
    case 5: {
      // Random bytes, first byte anything but a room message.
      const bytes = randomBytes(rng, 2 + randomInt(rng, 1500));
      if (bytes[0] === 13) bytes[0] = 14;
      return Uint8Array.from(bytes);
    }
    // A whole MessagePack value with bytes after it.
    default:
      return Uint8Array.from([13, ...INPUT_TYPE, 0x80, ...randomBytes(rng, 1 + randomInt(rng, 20))]);
  }
}
