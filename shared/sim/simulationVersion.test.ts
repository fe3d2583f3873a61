/**
 * SIMULATION_VERSION must change when the simulation does. This hashes the simulation's
 * code: every file the step and the replayer import, as TypeScript tokens (so comments and
 * formatting do not count), and holds the hash to the one written down for the version.
 *
 * When it fails, the simulation's code changed. If the change can alter what a step
 * computes, bump SIMULATION_VERSION (shared/sim/simulationVersion.ts), add a line below for the
 * new version and regenerate test/fixtures/seededMatch.json (see test/determinism.test.ts).
 * If it cannot (a rename, a constant the step never reads), replace the current version's
 * hash and say why in the commit: test/determinism.test.ts still checks the results.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { SIMULATION_VERSION } from "./simulationVersion";

/** Hash of the simulation's code for each version since version 2 (the first that wrote it down). */
const SOURCES_BY_VERSION: Readonly<Record<number, string>> = {
  2: "64e4508e3ae939d1",
};

/** What the simulation is: the step, the replayer and the hash, with everything they import. */
const SHARED = path.join(__dirname, "..");
const ENTRY_FILES = ["sim/step.ts", "replay/MatchReplayer.ts", "replay/stateHash.ts"].map((file) => path.join(SHARED, file));

/** The local files `entries` import, transitively, in a stable order. */
function simulationFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) continue;
      visit(path.resolve(path.dirname(file), `${specifier.text}.ts`));
    }
  };
  entries.forEach(visit);
  return Array.from(seen).sort();
}

/** The file's tokens, without comments or whitespace. */
function tokensOf(file: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, fs.readFileSync(file, "utf8"));
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    // Literals by value: Prettier rewrites 1.50e-1 as 1.5e-1 and 'a' as "a".
    if (kind === ts.SyntaxKind.NumericLiteral) tokens.push(String(Number(scanner.getTokenText())));
    else if (kind === ts.SyntaxKind.StringLiteral) tokens.push(JSON.stringify(scanner.getTokenValue()));
    else tokens.push(scanner.getTokenText());
  }
  return tokens;
}

function sourcesHash(files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${path.relative(SHARED, file)}\n${tokensOf(file).join(" ")}\n`);
  return hash.digest("hex").slice(0, 16);
}

test("the simulation's files are the step's and the replayer's imports, the deterministic math among them", () => {
  const files = simulationFiles(ENTRY_FILES).map((file) => path.relative(SHARED, file));
  expect(files).toEqual(
    expect.arrayContaining(["sim/deterministicMath.ts", "sim/ship.ts", "sim/collisions.ts", "sim/rng.ts", "constants.ts"]),
  );
  expect(files.every((file) => !file.endsWith(".test.ts"))).toBe(true);
});

test("comments and formatting do not change the hash; code does", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-simhash-"));
  const write = (text: string) => {
    const file = path.join(dir, "probe.ts");
    fs.writeFileSync(file, text);
    return sourcesHash([file]);
  };
  try {
    const plain = write("export const drag = 0.99;\n");
    expect(write("// why\nexport   const drag =\n  0.990; /* per step */\n")).toBe(plain);
    expect(write("export const drag = 0.98;\n")).not.toBe(plain);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("SIMULATION_VERSION names the simulation's code: its hash is the one written down for the version", () => {
  const hash = sourcesHash(simulationFiles(ENTRY_FILES));
  const recorded = SOURCES_BY_VERSION[SIMULATION_VERSION];
  if (recorded !== hash) {
    throw new Error(
      `the simulation's code hashes to ${hash}, but version ${SIMULATION_VERSION} was written down as ${recorded ?? "(nothing)"}: ` +
        "bump SIMULATION_VERSION if the change can alter a step's result, then record the hash in shared/sim/simulationVersion.test.ts",
    );
  }
  expect(Object.values(SOURCES_BY_VERSION).filter((value) => value === hash)).toHaveLength(1);
});
