/** The replay directory's files: which names are recordings (`<id>.ntr`), and their sizes and ages. */
import fs from "node:fs";
import path from "node:path";

export interface StoredFile {
  id: string;
  bytes: number;
  updatedAt: number;
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

/** The id a file name holds, or undefined for a file that is no recording. */
export function idOf(name: string): string | undefined {
  const id = name.slice(0, -EXTENSION.length);
  return name.endsWith(EXTENSION) && isReplayId(id) ? id : undefined;
}

export function fileIn(dir: string, id: string): string {
  return path.join(dir, id + EXTENSION);
}

/** Every recording in `dir`, read synchronously (room creation and close prune with it). */
export function storedFiles(dir: string): StoredFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const id = idOf(name);
    try {
      const stat = id === undefined ? undefined : fs.statSync(fileIn(dir, id));
      return stat && id !== undefined ? [{ id, bytes: stat.size, updatedAt: stat.mtimeMs }] : [];
    } catch {
      return []; // Deleted meanwhile.
    }
  });
}

/** The same without blocking the event loop. */
export async function storedFilesAsync(dir: string): Promise<StoredFile[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const ids = names.flatMap((name) => idOf(name) ?? []);
  const stats = await Promise.all(ids.map((id) => fs.promises.stat(fileIn(dir, id)).catch(() => undefined)));
  return ids.flatMap((id, i) => {
    const stat = stats[i];
    return stat ? [{ id, bytes: stat.size, updatedAt: stat.mtimeMs }] : [];
  });
}
