/**
 * The benches' command lines, on Node's `util.parseArgs` in strict mode. Each entry declares
 * its flags once (kind, value name, one line of help); `--help` prints the usage built from
 * that declaration, and an unknown flag, a missing or out-of-range value, or a stray argument
 * stops the run with the reason and the usage line before anything has started.
 */
import { parseArgs } from "node:util";

/** A switch (`--quick`): false unless given. */
interface SwitchFlag {
  type: "boolean";
  help: string;
}

/** A flag with a text value (`--out DIR`): undefined unless given. */
interface TextFlag {
  type: "string";
  /** The value's name in the usage, e.g. "DIR". */
  value: string;
  help: string;
}

/** A flag with a bounded number (`--minutes N`), so a typo cannot start an hour-long run. */
interface NumberFlag {
  type: "number";
  value: string;
  help: string;
  min: number;
  max: number;
  /** Integers only. */
  whole?: boolean;
  default: number;
}

type FlagSpec = SwitchFlag | TextFlag | NumberFlag;
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface CommandSpec<Flags extends FlagSpecs, Positional extends string = never> {
  /** Prefixes error messages, e.g. "bench". */
  name: string;
  /** How the command is typed, up to its arguments, e.g. "npm run bench --". */
  invocation: string;
  /** One or two lines: what the command does. */
  summary: string;
  flags: Flags;
  /**
   * Required positional arguments in order, name → help. Only for internal protocols
   * between processes: people get named flags.
   */
  positionals?: Readonly<Record<Positional, string>>;
}

export type FlagValues<Flags extends FlagSpecs> = {
  readonly [Name in keyof Flags]: Flags[Name] extends NumberFlag ? number : Flags[Name] extends TextFlag ? string | undefined : boolean;
};

export type ParsedCommand<Flags extends FlagSpecs, Positional extends string = never> =
  { help: true } | { help: false; flags: FlagValues<Flags>; args: Readonly<Record<Positional, string>> };

/** A command line the spec does not accept; the message names the flag and what it takes. */
export class UsageError extends Error {}

const HELP_FLAG = { type: "boolean", help: "print this help and exit" } as const satisfies SwitchFlag;

function flagUsage(name: string, flag: FlagSpec): string {
  return flag.type === "boolean" ? `--${name}` : `--${name} ${flag.value}`;
}

/** The one-line synopsis: `usage: npm run bench -- [--quick] [--out DIR] [--help]`. */
export function usageLine<Flags extends FlagSpecs, Positional extends string>(spec: CommandSpec<Flags, Positional>): string {
  const positionals = Object.keys(spec.positionals ?? {}).map((name) => `<${name}>`);
  const flags = Object.entries({ ...spec.flags, help: HELP_FLAG }).map(([name, flag]) => `[${flagUsage(name, flag)}]`);
  return ["usage:", spec.invocation, ...positionals, ...flags].join(" ");
}

function numberRange(flag: NumberFlag): string {
  return `${flag.whole ? "a whole number" : "a number"} from ${flag.min} to ${flag.max}`;
}

/** What `--help` prints: the synopsis, the summary, and one line per argument. */
export function usageText<Flags extends FlagSpecs, Positional extends string>(spec: CommandSpec<Flags, Positional>): string {
  const positionals: Array<[string, string]> = Object.entries<string>(spec.positionals ?? {}).map(([name, help]) => [`<${name}>`, help]);
  const flags = Object.entries<FlagSpec>({ ...spec.flags, help: HELP_FLAG }).map(([name, flag]): [string, string] => [
    flagUsage(name, flag),
    flag.type === "number" ? `${flag.help} (${numberRange(flag)}, default ${flag.default})` : flag.help,
  ]);
  const rows = [...positionals, ...flags];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [usageLine(spec), "", spec.summary, "", ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`), ""].join("\n");
}

function numberValue(name: string, flag: NumberFlag, raw: string | undefined): number {
  if (raw === undefined) return flag.default;
  const value = Number(raw);
  const valid = raw.trim() !== "" && Number.isFinite(value) && (!flag.whole || Number.isInteger(value));
  if (!valid || value < flag.min || value > flag.max) throw new UsageError(`--${name} takes ${numberRange(flag)} (got ${raw})`);
  return value;
}

/** Reads `argv` against the spec; throws a UsageError on anything it does not accept. Pure: no output, no exit. */
export function parseCommand<Flags extends FlagSpecs, Positional extends string = never>(
  spec: CommandSpec<Flags, Positional>,
  argv: readonly string[],
): ParsedCommand<Flags, Positional> {
  // parseArgs knows switches and strings; a number flag arrives as a string and is checked below.
  const options: Record<string, { type: "boolean" | "string" }> = {};
  for (const [name, flag] of Object.entries<FlagSpec>({ ...spec.flags, help: HELP_FLAG })) {
    options[name] = { type: flag.type === "boolean" ? "boolean" : "string" };
  }
  const names = Object.keys(spec.positionals ?? {});
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: names.length > 0 });
  } catch (error) {
    // Node's own wording ("Unknown option '--bogus'"), first line only: the rest is about `--` escapes.
    // Read as a plain object: under jest the error comes from another realm, so `instanceof Error` fails.
    const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
    throw new UsageError(message.split("\n")[0] ?? message);
  }
  if (parsed.values.help === true) return { help: true };
  if (parsed.positionals.length !== names.length) {
    throw new UsageError(`expects ${names.length} arguments (${names.join(", ")}), got ${parsed.positionals.length}`);
  }
  const flags: Record<string, string | number | boolean | undefined> = {};
  for (const [name, flag] of Object.entries<FlagSpec>(spec.flags)) {
    const raw = parsed.values[name];
    if (flag.type === "boolean") flags[name] = raw === true;
    else if (flag.type === "string") flags[name] = typeof raw === "string" ? raw : undefined;
    else flags[name] = numberValue(name, flag, typeof raw === "string" ? raw : undefined);
  }
  const args = Object.fromEntries(names.map((name, i) => [name, parsed.positionals[i] ?? ""]));
  // Both records were filled key by key from the spec, which is what their types describe.
  return { help: false, flags: flags as FlagValues<Flags>, args: args as Record<Positional, string> };
}

/** Stops the run for a command line the spec does not accept: `name: reason` and the usage line on stderr, exit code 2. */
function exitOnUsageError<Flags extends FlagSpecs, Positional extends string>(spec: CommandSpec<Flags, Positional>, error: unknown): never {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${spec.name}: ${error.message}\n${usageLine(spec)}\n`);
  process.exit(2);
}

/**
 * The entry point's command line: `--help` prints the usage and exits 0; a command line the
 * spec does not accept prints `name: reason` and the usage line to stderr and exits 2.
 */
export function parseCommandOrExit<Flags extends FlagSpecs, Positional extends string = never>(
  spec: CommandSpec<Flags, Positional>,
  argv: readonly string[] = process.argv.slice(2),
): { flags: FlagValues<Flags>; args: Readonly<Record<Positional, string>> } {
  let parsed: ParsedCommand<Flags, Positional>;
  try {
    parsed = parseCommand(spec, argv);
  } catch (error) {
    exitOnUsageError(spec, error);
  }
  if (!parsed.help) return parsed;
  process.stdout.write(usageText(spec));
  process.exit(0);
}

/*
 * Targets. A bench that judges its measures against targets exits 1 when one is not met, so
 * a script or CI step can rely on its exit code; `--explore` keeps exit code 0 for runs that
 * only look (another machine, a short run, an experiment). `--target NAME=VALUE` replaces a
 * target's threshold for one run, e.g. to see the run fail on purpose; the report shows the
 * thresholds the run used.
 */

/** `--explore`: the run reports targets not met but exits 0 all the same. */
export const EXPLORE_FLAG = {
  type: "boolean",
  help: "an exploratory run: report targets not met, but exit 0 (without it, a target not met exits 1)",
} as const satisfies SwitchFlag;

/** `--target NAME=VALUE[,NAME=VALUE…]`, listing the names a bench's targets have. */
export function targetFlag(targets: Readonly<Record<string, number>>): TextFlag {
  const names = Object.keys(targets).join(", ");
  return {
    type: "string",
    value: "NAME=VALUE",
    help: `replace a target's threshold for this run (several: comma-separated), e.g. to see it fail on purpose; names: ${names}`,
  };
}

/** One target judged: its name (as `--target` spells it) and whether the run met it. */
export interface TargetVerdict {
  name: string;
  met: boolean;
}

/** A measuring run's exit code: 1 when any target was not met, unless the run is exploratory; else 0. */
export function exitCodeOf(verdicts: readonly TargetVerdict[], explore: boolean): 0 | 1 {
  return explore || verdicts.every((verdict) => verdict.met) ? 0 : 1;
}

/** The run's last line on its targets: met, or which were not and what that does to the exit code. */
export function targetsSummary(verdicts: readonly TargetVerdict[], explore: boolean): string {
  const missed = verdicts.filter((verdict) => !verdict.met).map((verdict) => verdict.name);
  if (missed.length === 0) return `targets: all ${verdicts.length} met`;
  const exit = explore ? "exit code 0 (--explore)" : "exit code 1";
  return `targets: ${missed.length} of ${verdicts.length} NOT met (${missed.join(", ")}); ${exit}`;
}

/**
 * The targets with `--target`'s replacements (`NAME=VALUE`, comma-separated) applied. Pure: an
 * unknown name, a repeated one or a value that is not a finite number throws a UsageError.
 */
export function withTargets<Targets extends Readonly<Record<string, number>>>(defaults: Targets, text: string | undefined): Targets {
  if (text === undefined) return defaults;
  const targets: Record<string, number> = { ...defaults };
  const seen = new Set<string>();
  for (const item of text.split(",")) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(item);
    if (!match) throw new UsageError(`--target takes NAME=VALUE[,NAME=VALUE…] (got ${text})`);
    const [, name = "", raw = ""] = match;
    if (!Object.hasOwn(defaults, name))
      throw new UsageError(`--target: no target named ${name} (names: ${Object.keys(defaults).join(", ")})`);
    if (seen.has(name)) throw new UsageError(`--target: ${name} given twice`);
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new UsageError(`--target: ${name} takes a number (got ${raw})`);
    seen.add(name);
    targets[name] = value;
  }
  // Every key of `defaults`, each a number: what Targets describes.
  return targets as Targets;
}

/** withTargets for an entry point: a `--target` it does not accept stops the run as any usage error does (exit code 2). */
export function targetsOrExit<Flags extends FlagSpecs, Targets extends Readonly<Record<string, number>>>(
  spec: CommandSpec<Flags>,
  defaults: Targets,
  text: string | undefined,
): Targets {
  try {
    return withTargets(defaults, text);
  } catch (error) {
    exitOnUsageError(spec, error);
  }
}
