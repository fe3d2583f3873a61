/**
 * The directory of match recordings: one `<id>.ntr` file per room, written as the match
 * goes (MatchRecorder), listed newest first, and kept within a count and a total size:
 * each new recording first deletes the oldest files past either limit (never one still
 * being written by this process).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReplayListing } from "../../shared/replay/replayListing";
import type { ReplaySink } from "./MatchRecorder";
import { readRecordingStart } from "./readRecordingStart";

export interface ReplayStoreOptions {
  dir: string;
  /** Most recordings kept. */
  maxCount: number;
  /** Most bytes kept, all recordings together. */
  maxBytes: number;
}

const EXTENSION = ".ntr";
/** Ids are made here (see newReplayId) and come back in URLs: nothing else may name a file. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export function isReplayId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A new recording's id: when it started (sorts by age) and the room's id. */
export function newReplayId(startedAt: number, roomId: string): string {
  const stamp = new Date(startedAt).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${stamp}-${roomId.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

export class ReplayStore {
  private readonly active = new Set<string>();
  /** Headers read so far, by id. */
  private readonly starts = new Map<string, { roomName: string; startedAt: number }>();

  constructor(readonly options: ReplayStoreOptions) {}

  /** A new recording's file, after making room for it; throws when the directory cannot be written. */
  create(id: string): ReplaySink {
    if (!isReplayId(id)) throw new Error(`bad replay id "${id}"`);
    fs.mkdirSync(this.options.dir, { recursive: true });
    this.prune(1);
    const fd = fs.openSync(this.fileOf(id), "wx");
    this.active.add(id);
    return {
      write: (bytes) => {
        // A short write would leave a record half written and the rest of the file unreadable: finish it.
        for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
      },
      close: () => {
        this.active.delete(id);
        fs.closeSync(fd);
        this.prune();
      },
    };
  }

  /** The newest `limit` recordings, newest first; a file that is not a readable recording is left out. */
  list(limit = Number.POSITIVE_INFINITY): ReplayListing[] {
    const listings: ReplayListing[] = [];
    // Ids begin with the start time: newest first without opening a file.
    for (const { id, bytes, updatedAt } of this.files().sort((a, b) => (a.id < b.id ? 1 : -1))) {
      if (listings.length >= limit) break;
      const start = this.startOf(id);
      if (start) listings.push({ id, ...start, updatedAt, bytes, recording: this.active.has(id) });
    }
    return listings;
  }

  /** True while this process is still writing the recording. */
  isRecording(id: string): boolean {
    return this.active.has(id);
  }

  /** A recording's bytes as they are now (a match still playing reads up to its last second), or undefined. */
  async read(id: string): Promise<Uint8Array | undefined> {
    if (!isReplayId(id)) return undefined;
    try {
      return await fs.promises.readFile(this.fileOf(id));
    } catch {
      return undefined;
    }
  }

  /** A recording's room name and start, from its header (read once: it never changes). */
  private startOf(id: string): { roomName: string; startedAt: number } | undefined {
    let start = this.starts.get(id);
    if (!start) {
      const header = readRecordingStart(this.fileOf(id));
      if (!header) return undefined;
      start = { roomName: header.roomName, startedAt: header.startedAt };
      this.starts.set(id, start);
    }
    return start;
  }

  /** Deletes the oldest finished recordings until `room` more fit within both limits. */
  prune(room = 0): void {
    const files = this.files().sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
    let count = files.length + room;
    let bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    for (const file of files) {
      if (count <= this.options.maxCount && bytes <= this.options.maxBytes) break;
      if (this.active.has(file.id)) continue;
      try {
        fs.unlinkSync(this.fileOf(file.id));
        this.starts.delete(file.id);
        count--;
        bytes -= file.bytes;
      } catch {
        // Gone already, or held open elsewhere: the next prune tries again.
      }
    }
  }

  private fileOf(id: string): string {
    return path.join(this.options.dir, id + EXTENSION);
  }

  private files(): Array<{ id: string; bytes: number; updatedAt: number }> {
    let names: string[];
    try {
      names = fs.readdirSync(this.options.dir);
    } catch {
      return [];
    }
    const files: Array<{ id: string; bytes: number; updatedAt: number }> = [];
    for (const name of names) {
      const id = name.slice(0, -EXTENSION.length);
      if (!name.endsWith(EXTENSION) || !isReplayId(id)) continue;
      try {
        const stat = fs.statSync(path.join(this.options.dir, name));
        files.push({ id, bytes: stat.size, updatedAt: stat.mtimeMs });
      } catch {
        // Deleted meanwhile.
      }
    }
    return files;
  }
}

/** Recording settings from the environment: REPLAYS=off, REPLAY_DIR, REPLAY_MAX_COUNT, REPLAY_MAX_MB. */
export function replayStoreOptionsFromEnv(env: NodeJS.ProcessEnv): ReplayStoreOptions | undefined {
  if (env.REPLAYS === "off") return undefined;
  const count = Number(env.REPLAY_MAX_COUNT ?? 200);
  const megabytes = Number(env.REPLAY_MAX_MB ?? 200);
  if (!Number.isInteger(count) || count < 1) throw new Error(`REPLAY_MAX_COUNT must be a whole number ≥ 1, got "${env.REPLAY_MAX_COUNT}"`);
  if (!(megabytes > 0)) throw new Error(`REPLAY_MAX_MB must be a number > 0, got "${env.REPLAY_MAX_MB}"`);
  return {
    dir: path.resolve(env.REPLAY_DIR || path.join(os.tmpdir(), "netroids-replays")),
    maxCount: count,
    maxBytes: megabytes * 1024 * 1024,
  };
}

let shared: ReplayStore | undefined;

/** The process's store as the environment sets it now (tests change REPLAY_DIR), or undefined with REPLAYS=off. */
export function replayStore(env: NodeJS.ProcessEnv = process.env): ReplayStore | undefined {
  const options = replayStoreOptionsFromEnv(env);
  if (!options) return undefined;
  const same = shared && JSON.stringify(shared.options) === JSON.stringify(options);
  if (!same) shared = new ReplayStore(options);
  return shared;
}
