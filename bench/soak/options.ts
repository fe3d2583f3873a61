/**
 * The soak run's command line: `--minutes N` (whole minutes, default 10), `--bots N`
 * (one room, default 100), `--out DIR` (default bench/results) and `--explore` (exit 0 even
 * when a verdict fails). Every value is bounded, so a typo cannot start an hour-long or
 * thousand-bot run.
 */
import path from "node:path";
import { MAX_CLIENTS } from "../../shared/constants";
import { EXPLORE_FLAG, type FlagValues } from "../cli";

export interface SoakOptions {
  minutes: number;
  bots: number;
  outDir: string;
  /** Exit 0 even when a verdict fails. */
  explore: boolean;
  /** The command as typed, for the report. */
  command: string;
}

const MAX_MINUTES = 60;
const DEFAULTS = { minutes: 10, bots: 100 } as const;

export const SOAK_COMMAND = {
  name: "soak",
  invocation: "npm run soak --",
  summary:
    "A bounded soak of the real server: bots in one room, /metrics scraped every 10 s.\n" +
    "Exits 1 when memory grew, anything failed or the tick time was not steady, unless --explore.",
  flags: {
    minutes: {
      type: "number",
      value: "N",
      whole: true,
      min: 1,
      max: MAX_MINUTES,
      default: DEFAULTS.minutes,
      help: "minutes measured after the 60 s warm-up",
    },
    bots: { type: "number", value: "N", whole: true, min: 1, max: MAX_CLIENTS, default: DEFAULTS.bots, help: "bots, all in one room" },
    out: { type: "string", value: "DIR", help: "write soak.{md,json} to DIR instead of bench/results" },
    explore: EXPLORE_FLAG,
  },
} as const;

/** `dir` relative to the working directory when it lies inside it, else absolute. */
function shortPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

/** The run's options from its parsed flags (already bounded by SOAK_COMMAND), and the command that asks for them. */
export function soakOptions(flags: FlagValues<typeof SOAK_COMMAND.flags>, defaultOut: string): SoakOptions {
  const { minutes, bots } = flags;
  const outDir = flags.out === undefined ? defaultOut : path.resolve(flags.out);
  const extra = [
    minutes !== DEFAULTS.minutes ? `--minutes ${minutes}` : "",
    bots !== DEFAULTS.bots ? `--bots ${bots}` : "",
    outDir !== defaultOut ? `--out ${shortPath(outDir)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { minutes, bots, outDir, explore: flags.explore, command: `npm run soak${extra ? ` -- ${extra}` : ""}` };
}
