/**
 * The soak run's command line: `--minutes N` (whole minutes, default 10), `--bots N`
 * (one room, default 100) and `--out DIR` (default bench/results). Every value is
 * bounded, so a typo cannot start an hour-long or thousand-bot run.
 */
import path from "node:path";
import { MAX_CLIENTS } from "../../shared/constants";

export interface SoakOptions {
  minutes: number;
  bots: number;
  outDir: string;
  /** The command as typed, for the report. */
  command: string;
}

export const MAX_MINUTES = 60;
const DEFAULTS = { minutes: 10, bots: 100 } as const;

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} takes a whole number from ${min} to ${max} (got ${raw ?? "nothing"})`);
  }
  return value;
}

/** `dir` relative to the working directory when it lies inside it, else absolute. */
function shortPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

export function parseSoakOptions(argv: readonly string[], defaultOut: string): SoakOptions {
  let minutes: number = DEFAULTS.minutes;
  let bots: number = DEFAULTS.bots;
  let outDir = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === "--minutes") minutes = wholeNumber(flag, value, 1, MAX_MINUTES);
    else if (flag === "--bots") bots = wholeNumber(flag, value, 1, MAX_CLIENTS);
    else if (flag === "--out" && value) outDir = path.resolve(value);
    else throw new Error(`unknown option ${flag} (options: --minutes N, --bots N, --out DIR)`);
    i++;
  }
  const extra = [
    minutes !== DEFAULTS.minutes ? `--minutes ${minutes}` : "",
    bots !== DEFAULTS.bots ? `--bots ${bots}` : "",
    outDir !== defaultOut ? `--out ${shortPath(outDir)}` : "",
  ].filter(Boolean).join(" ");
  return { minutes, bots, outDir, command: `npm run soak${extra ? ` -- ${extra}` : ""}` };
}
