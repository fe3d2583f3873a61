/**
 * The lint rule that keeps engine-approximated math out of the simulation (eslint.config.mjs,
 * docs/netcode.md, "Determinism"): Math.sin and its kin, `**` and Math.random in a shared/ file are
 * errors that name the deterministic module; the same code in a test or the renderer is not.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "..");
const CODE = [
  "export const heading = (x: number, y: number): number => Math.atan2(y, x) + Math.sin(x);",
  "export const drag = (dt: number): number => 0.99 ** (dt * 60) * Math.pow(0.99, dt);",
  "export const roll = (): number => Math.random() + Math.sqrt(2) + Math.floor(1.5);",
  "",
].join("\n");

interface LintResult {
  messages: Array<{ ruleId: string | null; message: string; fatal?: boolean }>;
}

/**
 * The project's ESLint run on CODE as if it were the text of `file`, an existing file (the
 * type-aware rules need one their project knows). A child process: ESLint loads its config
 * as an ES module, which jest's CommonJS sandbox cannot.
 */
async function messagesFor(file: string): Promise<string[]> {
  const eslint = path.join(ROOT, "node_modules", ".bin", "eslint");
  const run = promisify(execFile)(eslint, ["--stdin", "--stdin-filename", file, "--format", "json"], { cwd: ROOT, timeout: 50_000 });
  run.child.stdin?.end(CODE);
  // ESLint exits 1 when it finds errors; its report is on stdout either way.
  const stdout = await run.then(
    (done) => done.stdout,
    (error: { stdout?: string }) => error.stdout ?? "",
  );
  const [result] = JSON.parse(stdout) as LintResult[];
  expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
  return result!.messages.filter((message) => message.ruleId?.startsWith("no-restricted-")).map((message) => message.message);
}

test("in a simulation file, Math.sin, Math.atan2, Math.pow, ** and Math.random are errors that name shared/sim/deterministicMath.ts", async () => {
  const messages = await messagesFor("shared/sim/ship.ts");
  expect(messages).toHaveLength(5);
  for (const name of ["Math.atan2", "Math.sin", "`**`", "Math.pow", "Math.random"])
    expect(messages.some((message) => message.includes(name))).toBe(true);
  expect(messages.every((message) => message.includes("shared/sim/deterministicMath.ts"))).toBe(true);
  // Math.sqrt and Math.floor are exact in every engine: allowed.
  expect(messages.some((message) => /sqrt|floor/.test(message))).toBe(false);
}, 60_000);

test("outside the simulation (a test, the renderer) the same code is allowed", async () => {
  const [inTest, inRenderer] = await Promise.all([messagesFor("shared/sim/ship.test.ts"), messagesFor("web/src/render/drawShips.ts")]);
  expect({ inTest, inRenderer }).toEqual({ inTest: [], inRenderer: [] });
}, 60_000);
