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

export type FlagSpec = SwitchFlag | TextFlag | NumberFlag;
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
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${spec.name}: ${error.message}\n${usageLine(spec)}\n`);
    process.exit(2);
  }
  if (!parsed.help) return parsed;
  process.stdout.write(usageText(spec));
  process.exit(0);
}
