/** The header of a recording file, read from its first bytes only (listings must not read whole files). */
import fs from "node:fs";
import { readHeader } from "../../shared/replay/replayFile";
import type { ReplayHeader } from "../../shared/replay/recording";

/** Enough for the magic line and any header (a room name is at most a few hundred bytes). */
const START_BYTES = 4096;

/** The file's header, or undefined when it is unreadable or not a recording. */
export function readRecordingStart(file: string): ReplayHeader | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const buffer = Buffer.alloc(START_BYTES);
    const read = fs.readSync(fd, buffer, 0, START_BYTES, 0);
    return readHeader(buffer.subarray(0, read));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The same, without blocking the event loop: for the HTTP listing. */
export async function readRecordingStartAsync(file: string): Promise<ReplayHeader | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, "r");
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(START_BYTES), 0, START_BYTES, 0);
    return readHeader(buffer.subarray(0, bytesRead));
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
