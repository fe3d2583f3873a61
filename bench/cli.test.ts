/**
 * The benches' shared command line: flags as declared, bounded numbers, strict refusal of
 * anything else with a reason, and the usage that `--help` prints. The last tests run every
 * bench entry as npm does: each refuses a typo before it starts any work.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { exitCodeOf, parseCommand, targetsSummary, usageLine, usageText, UsageError, withTargets } from "./cli";

const SPEC = {
  name: "demo",
  invocation: "npm run demo --",
  summary: "A demo command.",
  flags: {
    quick: { type: "boolean", help: "be quick" },
    out: { type: "string", value: "DIR", help: "where to write" },
    minutes: { type: "number", value: "N", whole: true, min: 1, max: 60, default: 10, help: "how long" },
    seconds: { type: "number", value: "S", min: 2, max: 60, default: 32, help: "per row" },
  },
} as const;

function flagsOf(argv: string[]) {
  const parsed = parseCommand(SPEC, argv);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.flags;
}

function refusal(argv: string[]): string {
  try {
    parseCommand(SPEC, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`accepted ${argv.join(" ")}`);
}

describe("parseCommand", () => {
  it("gives switches false, text undefined and numbers their default when nothing is typed", () => {
    expect(flagsOf([])).toEqual({ quick: false, out: undefined, minutes: 10, seconds: 32 });
  });

  it("reads every kind of flag, with the value after a space or an =", () => {
    expect(flagsOf(["--quick", "--out", "/tmp/x", "--minutes=3", "--seconds", "2.5"])).toEqual({
      quick: true,
      out: "/tmp/x",
      minutes: 3,
      seconds: 2.5,
    });
  });

  it("refuses unknown flags, strays, missing values and values on a switch, in Node's words", () => {
    expect(refusal(["--bogus"])).toBe("Unknown option '--bogus'");
    expect(refusal(["stray"])).toMatch(/^Unexpected argument 'stray'/);
    expect(refusal(["--out"])).toBe("Option '--out <value>' argument missing");
    expect(refusal(["--quick=yes"])).toBe("Option '--quick' does not take an argument");
    // Node explains `--` escapes on further lines; only the first is kept.
    expect(refusal(["--out", "--quick"])).not.toContain("\n");
  });

  it("bounds numbers and keeps whole ones whole", () => {
    expect(refusal(["--minutes", "0"])).toBe("--minutes takes a whole number from 1 to 60 (got 0)");
    expect(refusal(["--minutes", "2.5"])).toBe("--minutes takes a whole number from 1 to 60 (got 2.5)");
    expect(refusal(["--seconds", "ten"])).toBe("--seconds takes a number from 2 to 60 (got ten)");
    expect(refusal(["--seconds="])).toBe("--seconds takes a number from 2 to 60 (got )");
    expect(flagsOf(["--minutes", "60"]).minutes).toBe(60);
  });

  it("answers --help before checking anything else", () => {
    expect(parseCommand(SPEC, ["--minutes", "0", "--help"])).toEqual({ help: true });
  });

  it("takes named positionals in order, all of them, for protocols between processes", () => {
    const worker = {
      name: "w",
      invocation: "tsx w.ts",
      summary: "s",
      flags: {},
      positionals: { endpoint: "url", rooms: "count" },
    } as const;
    expect(parseCommand(worker, ["ws://x", "3"])).toEqual({ help: false, flags: {}, args: { endpoint: "ws://x", rooms: "3" } });
    expect(() => parseCommand(worker, ["ws://x"])).toThrow("expects 2 arguments (endpoint, rooms), got 1");
  });
});

describe("usage", () => {
  it("lists every flag with its value name, range and default", () => {
    expect(usageLine(SPEC)).toBe("usage: npm run demo -- [--quick] [--out DIR] [--minutes N] [--seconds S] [--help]");
    expect(usageText(SPEC)).toBe(
      [
        "usage: npm run demo -- [--quick] [--out DIR] [--minutes N] [--seconds S] [--help]",
        "",
        "A demo command.",
        "",
        "  --quick      be quick",
        "  --out DIR    where to write",
        "  --minutes N  how long (a whole number from 1 to 60, default 10)",
        "  --seconds S  per row (a number from 2 to 60, default 32)",
        "  --help       print this help and exit",
        "",
      ].join("\n"),
    );
  });
});

describe("targets", () => {
  const TARGETS = { "agreement@150": 0.99, idleMin: 0.8 } as const;
  const met = (name: string) => ({ name, met: true });
  const missed = (name: string) => ({ name, met: false });

  it("exits 1 when any target is not met, 0 when all are, and 0 in an exploratory run either way", () => {
    expect(exitCodeOf([met("a"), met("b")], false)).toBe(0);
    expect(exitCodeOf([met("a"), missed("b")], false)).toBe(1);
    expect(exitCodeOf([missed("a"), missed("b")], false)).toBe(1);
    expect(exitCodeOf([met("a"), missed("b")], true)).toBe(0);
    expect(exitCodeOf([met("a")], true)).toBe(0);
    // Nothing judged, nothing missed.
    expect(exitCodeOf([], false)).toBe(0);
  });

  it("sums the verdicts up in the run's last line, naming the targets missed and the exit code", () => {
    expect(targetsSummary([met("a"), met("b")], false)).toBe("targets: all 2 met");
    expect(targetsSummary([missed("a"), met("b"), missed("c")], false)).toBe("targets: 2 of 3 NOT met (a, c); exit code 1");
    expect(targetsSummary([missed("a"), met("b")], true)).toBe("targets: 1 of 2 NOT met (a); exit code 0 (--explore)");
  });

  it("replaces thresholds named by --target, one or several, and keeps the others", () => {
    expect(withTargets(TARGETS, undefined)).toBe(TARGETS);
    expect(withTargets(TARGETS, "agreement@150=1.01")).toEqual({ "agreement@150": 1.01, idleMin: 0.8 });
    expect(withTargets(TARGETS, "idleMin=0, agreement@150=-1")).toEqual({ "agreement@150": -1, idleMin: 0 });
    expect(TARGETS).toEqual({ "agreement@150": 0.99, idleMin: 0.8 });
  });

  it("refuses a --target it cannot read: unknown names, repeats, values that are not numbers", () => {
    const refused = (text: string): string => {
      try {
        withTargets(TARGETS, text);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).message;
      }
      throw new Error(`accepted ${text}`);
    };
    expect(refused("idle=1")).toBe("--target: no target named idle (names: agreement@150, idleMin)");
    expect(refused("idleMin=1,idleMin=2")).toBe("--target: idleMin given twice");
    expect(refused("idleMin=high")).toBe("--target: idleMin takes a number (got high)");
    expect(refused("idleMin=Infinity")).toBe("--target: idleMin takes a number (got Infinity)");
    expect(refused("idleMin")).toBe("--target takes NAME=VALUE[,NAME=VALUE…] (got idleMin)");
    expect(refused("toString=1")).toMatch(/^--target: no target named toString/);
  });
});

describe("bench entries", () => {
  const root = path.resolve(__dirname, "..");
  const run = promisify(execFile);
  const ENTRIES = ["bench", "bench:scale", "bench:patch", "bench:netcode", "soak"];

  async function npmRun(script: string, arg: string): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run("npm", ["run", "--silent", script, "--", arg], { cwd: root, timeout: 50_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("each stops with exit code 2 and its usage line on an unknown flag, before starting any work", async () => {
    const results = await Promise.all(ENTRIES.map((script) => npmRun(script, "--bogus")));
    ENTRIES.forEach((script, i) => {
      const { code, stdout, stderr } = results[i]!;
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      const usage = `usage: npm run ${script} -- (\\[[^\\]]+\\] )*\\[--help\\]`;
      expect(stderr).toMatch(new RegExp(`^${script}: Unknown option '--bogus'\n${usage}\n$`));
    });
  }, 60_000);

  it("prints the usage for --help and exits 0", async () => {
    const help = await npmRun("bench", "--help");
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(
      /^usage: npm run bench -- \[--quick\] \[--cpu-prof\] \[--out DIR\] \[--target NAME=VALUE\] \[--explore\] \[--help\]\n/,
    );
    expect(help.stdout).toContain("\n  --explore            an exploratory run: report targets not met, but exit 0");
  }, 60_000);
});
