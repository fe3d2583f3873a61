/**
 * Which outside programs the test files of this run need, so that `npx jest shared/` runs
 * on a machine without a browser or Redis while `npm test` there fails at once. A test file
 * needs Chromium when it imports support/browser, and Redis when it imports support/testRedis;
 * the run is the files under jest's roots that match its path patterns (all when none given).
 */
import fs from "node:fs";
import path from "node:path";
import type { Requirement } from "./installHint";

/** The parts of jest's global config this reads (jest 30: testPathPatterns is a TestPathPatterns). */
export interface RunSelection {
  rootDir: string;
  testPathPatterns?: { isSet(): boolean; toExecutor(options: { rootDir: string }): { isMatch(absPath: string): boolean } };
}

const NEEDS: ReadonlyArray<readonly [Requirement, RegExp]> = [
  ["chromium", /from\s+["'][^"']*\/support\/browser["']/],
  ["redis", /from\s+["'][^"']*\/support\/testRedis["']/],
];

function testFilesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFilesUnder(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** What the test files in `roots` that this run selects need. */
export function requirementsOfRun(selection: RunSelection, roots: readonly string[]): Requirement[] {
  const patterns = selection.testPathPatterns?.isSet() ? selection.testPathPatterns.toExecutor({ rootDir: selection.rootDir }) : undefined;
  const selected = roots.flatMap(testFilesUnder).filter((file) => !patterns || patterns.isMatch(file));
  const sources = selected.map((file) => fs.readFileSync(file, "utf8"));
  return NEEDS.filter(([, marker]) => sources.some((source) => marker.test(source))).map(([requirement]) => requirement);
}
