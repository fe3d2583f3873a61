/**
 * The simulation gives the same bits in every engine (docs/netcode.md, "Determinism"): a seeded
 * 60 s match of ten ships (random keys, charged shots with rewinds, rock splits, kills, a
 * leave and a join) hashes the same every second in Node and inside real Chromium, and its
 * hashes are the ones written down in test/fixtures/seededMatch.json for this simulation
 * version, which CI holds Node 20 and Node 22 to alike.
 *
 * After a change of the rules (SIMULATION_VERSION bumped), write the new hashes with
 *   UPDATE_SEEDED_MATCH=1 npx jest test/browser/determinism
 */
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import type { Browser } from "playwright-core";
import { SIMULATION_VERSION } from "../../shared/sim/simulationVersion";
import { launchChromium } from "../support/browser";
import { mathFingerprint } from "../support/mathFingerprint";
import { playSeededMatch, type SeededMatchResult } from "../support/seededMatch";

const SEED = 20261207;
const SECONDS = 60;
const FINGERPRINT_SAMPLES = 50_000;
const FIXTURE = path.join(__dirname, "..", "fixtures", "seededMatch.json");

interface SeededMatchFixture {
  simulationVersion: number;
  seed: number;
  seconds: number;
  mathFingerprint: string;
  hashes: string[];
}

interface DeterminismProbe {
  playSeededMatch: typeof playSeededMatch;
  mathFingerprint: typeof mathFingerprint;
}

declare global {
  interface Window {
    netroidsDeterminism?: DeterminismProbe;
  }
}

/** The match and the fingerprint, bundled from the same sources Node runs, for a page to load. */
function probeBundle(): string {
  const built = buildSync({
    stdin: {
      contents: 'export { playSeededMatch } from "./seededMatch";\nexport { mathFingerprint } from "./mathFingerprint";\n',
      resolveDir: path.join(__dirname, "..", "support"),
      loader: "ts",
      sourcefile: "determinismProbe.ts",
    },
    bundle: true,
    format: "iife",
    globalName: "netroidsDeterminism",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return built.outputFiles[0]!.text;
}

/** "second 12: Node 1a2b3c4d, Chromium 5e6f7a8b", for the first second whose hashes differ. */
function firstDifference(expected: readonly string[], actual: readonly string[], names: [string, string]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) return `second ${i + 1}: ${names[0]} ${expected[i]}, ${names[1]} ${actual[i]}`;
  }
  return undefined;
}

let browser: Browser;
let inNode: SeededMatchResult;
beforeAll(async () => {
  browser = await launchChromium();
  inNode = playSeededMatch(SEED, SECONDS);
}, 60_000);
afterAll(async () => browser?.close());

test("the seeded match plays the game: shots, rock splits, kills by shots and by rocks, respawns", () => {
  expect(inNode.hashes).toHaveLength(SECONDS);
  expect(new Set(inNode.hashes).size).toBe(SECONDS);
  expect(inNode.shots).toBeGreaterThan(100);
  expect(inNode.rocksHit).toBeGreaterThan(40);
  expect(inNode.shotDown).toBeGreaterThan(5);
  expect(inNode.kills - inNode.shotDown).toBeGreaterThan(5);
  expect(inNode.respawns).toBeGreaterThan(20);
});

test(`Node ${process.version} gives the hashes written down for simulation version ${SIMULATION_VERSION}`, () => {
  const current: SeededMatchFixture = {
    simulationVersion: SIMULATION_VERSION,
    seed: SEED,
    seconds: SECONDS,
    mathFingerprint: mathFingerprint(FINGERPRINT_SAMPLES),
    hashes: inNode.hashes,
  };
  if (process.env.UPDATE_SEEDED_MATCH === "1" && process.env.CI !== "true") {
    fs.writeFileSync(FIXTURE, `${JSON.stringify(current, null, 2)}\n`);
  }
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as SeededMatchFixture;
  if (fixture.simulationVersion !== SIMULATION_VERSION)
    throw new Error(
      `test/fixtures/seededMatch.json holds version ${fixture.simulationVersion}'s hashes, this build is version ${SIMULATION_VERSION}: ` +
        "write them with UPDATE_SEEDED_MATCH=1 npx jest test/browser/determinism",
    );
  expect(current.mathFingerprint).toBe(fixture.mathFingerprint);
  // Same version, other hashes: the results changed without a bump of SIMULATION_VERSION, or this engine computes other bits.
  expect(firstDifference(fixture.hashes, current.hashes, ["written down", `Node ${process.version}`])).toBeUndefined();
});

test("Chromium computes the same math bits and the same match, hash for hash every second for 60 s", async () => {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: probeBundle() });
    const inChromium = await page.evaluate(
      ([seed, seconds, samples]) => {
        const probe = window.netroidsDeterminism!;
        return { match: probe.playSeededMatch(seed, seconds), fingerprint: probe.mathFingerprint(samples) };
      },
      [SEED, SECONDS, FINGERPRINT_SAMPLES] as const,
    );
    const differences = {
      mathFingerprint: inChromium.fingerprint === mathFingerprint(FINGERPRINT_SAMPLES) ? "equal" : inChromium.fingerprint,
      firstDifferentSecond: firstDifference(inNode.hashes, inChromium.match.hashes, ["Node", `Chromium ${browser.version()}`]),
    };
    expect(differences).toEqual({ mathFingerprint: "equal", firstDifferentSecond: undefined });
    expect(inChromium.match).toEqual(inNode);
  } finally {
    await page.close();
  }
}, 60_000);
