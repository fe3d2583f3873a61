/** Finding programs the tests run: by exact path, or by name on PATH. */
import fs from "node:fs";
import path from "node:path";

/** True for a regular file we may execute (a folder, or a file without an execute bit, does not count). */
export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on `searchPath` (a PATH value) that is executable, as the shell would find it. */
export function findOnPath(name: string, searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
