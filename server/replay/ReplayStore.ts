/**
 * The directory of match recordings: one `<id>.ntr` file per room, written as the match
 * goes (MatchRecorder), listed newest first, and kept within a count and a total size.
 * Each new recording and each that ends delete the oldest finished files past either
 * limit, and so does every sixteenth of the size limit written: recordings still being
 * written count towards the total (they are never deleted) and are themselves capped, one
 * by `maxRecordingBytes`, all together by `maxBytes`. A write past either cap is refused
 * whole, so the file ends with its last whole record.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReplayListing } from "../../shared/replay/replayListing";
import type { ReplaySink } from "./MatchRecorder";
import { readRecordingStart, readRecordingStartAsync } from "./readRecordingStart";
import { fileIn, idOf, isReplayId, storedFiles, storedFilesAsync, type StoredFile } from "./replayDirectory";

export { isReplayId, newReplayId } from "./replayDirectory";

export interface ReplayStoreOptions {
  dir: string;
  /** Most recordings kept. */
  maxCount: number;
  /** Most bytes kept, all recordings together, those being written included. */
  maxBytes: number;
  /** Most bytes of one recording: past it the recording stops and its match plays on. `maxBytes` when unset. */
  maxRecordingBytes?: number;
}

type RecordingStart = { roomName: string; startedAt: number };

const MB = 1024 * 1024;
/** Live growth, as a share of `maxBytes`, after which finished files are pruned again (off the event loop). */
const PRUNE_EVERY_SHARE = 1 / 16;
/** A listing opens at most this many files per recording it lists: junk in the directory costs a bounded amount. */
const LISTING_TRIES_PER_ENTRY = 4;

function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toPrecision(3))} MB`;
}

export class ReplayStore {
  /** Recordings this process is writing, and the bytes written to each. */
  private readonly active = new Map<string, number>();
  private liveBytes = 0;
  private grownSincePrune = 0;
  private pruning: Promise<void> | undefined;
  private pruneAgain = false;
  /** Headers read so far, by id. */
  private readonly starts = new Map<string, RecordingStart>();

  constructor(readonly options: ReplayStoreOptions) {}

  /** A new recording's file, after making room for it; throws when the directory cannot be written. */
  create(id: string): ReplaySink {
    if (!isReplayId(id)) throw new Error(`bad replay id "${id}"`);
    fs.mkdirSync(this.options.dir, { recursive: true });
    this.prune(1);
    const fd = fs.openSync(this.fileOf(id), "wx");
    this.active.set(id, 0);
    return {
      write: (bytes) => {
        const written = this.active.get(id) ?? 0;
        this.refusePastLimits(written + bytes.length, this.liveBytes + bytes.length);
        // A short write would leave a record half written and the rest of the file unreadable: finish it.
        for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
        this.active.set(id, written + bytes.length);
        this.liveBytes += bytes.length;
        this.grownSincePrune += bytes.length;
        if (this.grownSincePrune >= this.options.maxBytes * PRUNE_EVERY_SHARE) this.pruneSoon();
      },
      close: () => {
        this.liveBytes -= this.active.get(id) ?? 0;
        this.active.delete(id);
        fs.closeSync(fd);
        this.prune();
      },
    };
  }

  private refusePastLimits(recordingBytes: number, liveBytes: number): void {
    const { maxBytes, maxRecordingBytes = maxBytes } = this.options;
    if (recordingBytes > maxRecordingBytes)
      throw new Error(`the recording reached its limit of ${megabytes(maxRecordingBytes)} (REPLAY_MAX_RECORDING_MB); the match plays on`);
    if (liveBytes > maxBytes)
      throw new Error(`the recordings being written reached ${megabytes(maxBytes)} in all (REPLAY_MAX_MB); the match plays on`);
  }

  /**
   * The newest `limit` recordings, newest first, read without blocking the event loop (the
   * HTTP listing); a file that is not a readable recording is left out.
   */
  async listing(limit: number): Promise<ReplayListing[]> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.options.dir);
    } catch {
      return [];
    }
    // Ids begin with the start time: newest first without opening a file.
    const ids = names.flatMap((name) => idOf(name) ?? []).sort((a, b) => (a < b ? 1 : -1));
    const listings: ReplayListing[] = [];
    for (const id of ids.slice(0, limit * LISTING_TRIES_PER_ENTRY)) {
      if (listings.length >= limit) break;
      const stat = await fs.promises.stat(this.fileOf(id)).catch(() => undefined);
      const start = stat && (this.starts.get(id) ?? this.remember(id, await readRecordingStartAsync(this.fileOf(id))));
      if (stat && start) listings.push({ id, ...start, updatedAt: stat.mtimeMs, bytes: stat.size, recording: this.active.has(id) });
    }
    return listings;
  }

  /** The same, read synchronously: for tests and scripts in the process, never for a request. */
  list(limit = Number.POSITIVE_INFINITY): ReplayListing[] {
    const listings: ReplayListing[] = [];
    for (const { id, bytes, updatedAt } of this.files().sort((a, b) => (a.id < b.id ? 1 : -1))) {
      if (listings.length >= limit) break;
      const start = this.starts.get(id) ?? this.remember(id, readRecordingStart(this.fileOf(id)));
      if (start) listings.push({ id, ...start, updatedAt, bytes, recording: this.active.has(id) });
    }
    return listings;
  }

  /** True while this process is still writing the recording (or holding it open after it stopped, until its room closes). */
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

  /** A recording's room name and start, from its header (kept: it never changes). */
  private remember(id: string, header: RecordingStart | undefined): RecordingStart | undefined {
    if (!header) return undefined;
    const start = { roomName: header.roomName, startedAt: header.startedAt };
    this.starts.set(id, start);
    return start;
  }

  /** Deletes the oldest finished recordings until `room` more fit within both limits. */
  prune(room = 0): void {
    for (const file of this.pastLimits(this.files(), room)) {
      try {
        fs.unlinkSync(this.fileOf(file.id));
        this.starts.delete(file.id);
      } catch {
        // Gone already, or held open elsewhere: the next prune tries again.
      }
    }
  }

  /** Resolves once the pruning started by live growth is done (tests). */
  async settled(): Promise<void> {
    for (let round = 0; this.pruning && round < 2; round++) await this.pruning;
  }

  /** Prunes off the event loop, one pass at a time: a recording that grows must not stall its room's ticks. */
  private pruneSoon(): void {
    this.grownSincePrune = 0;
    if (this.pruning) {
      this.pruneAgain = true;
      return;
    }
    this.pruning = this.pruneAsync()
      .catch(() => undefined)
      .finally(() => {
        this.pruning = undefined;
        if (!this.pruneAgain) return;
        this.pruneAgain = false;
        this.pruneSoon();
      });
  }

  private async pruneAsync(): Promise<void> {
    for (const file of this.pastLimits(await this.filesAsync(), 0)) {
      await fs.promises.unlink(this.fileOf(file.id)).catch(() => undefined);
      this.starts.delete(file.id);
    }
  }

  /** The oldest finished files to delete so that `room` more files, and every one still being written, fit both limits. */
  private pastLimits(files: StoredFile[], room: number): StoredFile[] {
    const { maxCount, maxBytes } = this.options;
    let count = files.length + room;
    // A live file counts at what has been written to it, should the directory have been read before the last write.
    let bytes = files.reduce((sum, file) => sum + Math.max(file.bytes, this.active.get(file.id) ?? 0), 0);
    const doomed: StoredFile[] = [];
    for (const file of [...files].sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1))) {
      if (count <= maxCount && bytes <= maxBytes) break;
      if (this.active.has(file.id)) continue;
      doomed.push(file);
      count--;
      bytes -= file.bytes;
    }
    return doomed;
  }

  private fileOf(id: string): string {
    return fileIn(this.options.dir, id);
  }

  private files(): StoredFile[] {
    return storedFiles(this.options.dir);
  }

  private filesAsync(): Promise<StoredFile[]> {
    return storedFilesAsync(this.options.dir);
  }
}

/** REPLAY_MAX_RECORDING_MB when unset, or REPLAY_MAX_MB when that is smaller. */
const DEFAULT_MAX_RECORDING_MB = 32;

/**
 * Recording settings from the environment: REPLAYS=off, REPLAY_DIR, REPLAY_MAX_COUNT, REPLAY_MAX_MB,
 * REPLAY_MAX_RECORDING_MB. The last caps one recording: 32 MB by default (a full room of 100 players
 * writes ~4 MB an hour, and ~12 MB at the most the key-change budget lets it), at most REPLAY_MAX_MB.
 */
export function replayStoreOptionsFromEnv(env: NodeJS.ProcessEnv): ReplayStoreOptions | undefined {
  if (env.REPLAYS === "off") return undefined;
  const count = Number(env.REPLAY_MAX_COUNT ?? 200);
  const total = Number(env.REPLAY_MAX_MB ?? 200);
  if (!Number.isInteger(count) || count < 1) throw new Error(`REPLAY_MAX_COUNT must be a whole number ≥ 1, got "${env.REPLAY_MAX_COUNT}"`);
  if (!(total > 0)) throw new Error(`REPLAY_MAX_MB must be a number > 0, got "${env.REPLAY_MAX_MB}"`);
  const one = Number(env.REPLAY_MAX_RECORDING_MB ?? Math.min(DEFAULT_MAX_RECORDING_MB, total));
  if (!(one > 0) || one > total)
    throw new Error(
      `REPLAY_MAX_RECORDING_MB must be a number > 0 and at most REPLAY_MAX_MB (${total}), got "${env.REPLAY_MAX_RECORDING_MB}"`,
    );
  return {
    dir: path.resolve(env.REPLAY_DIR || path.join(os.tmpdir(), "netroids-replays")),
    maxCount: count,
    maxBytes: total * MB,
    maxRecordingBytes: one * MB,
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
