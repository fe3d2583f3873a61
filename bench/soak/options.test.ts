/** The soak's options: defaults, bounds (from the shared command line) and the command as it would be typed. */
import path from "node:path";
import { parseCommand, UsageError } from "../cli";
import { SOAK_COMMAND, soakOptions } from "./options";

const RESULTS = path.resolve("/repo/bench/results");

function optionsOf(argv: string[]) {
  const parsed = parseCommand(SOAK_COMMAND, argv);
  if (parsed.help) throw new Error("unexpected --help");
  return soakOptions(parsed.flags, RESULTS);
}

describe("soak options", () => {
  it("defaults to 10 minutes of 100 bots written to bench/results", () => {
    expect(optionsOf([])).toEqual({ minutes: 10, bots: 100, outDir: RESULTS, explore: false, command: "npm run soak" });
  });

  it("names in the command only what differs from the defaults", () => {
    const options = optionsOf(["--minutes", "2", "--bots", "100", "--out", "/tmp/soak"]);
    expect(options).toEqual({
      minutes: 2,
      bots: 100,
      outDir: "/tmp/soak",
      explore: false,
      command: "npm run soak -- --minutes 2 --out /tmp/soak",
    });
    expect(optionsOf(["--out", "soak-out"]).command).toBe(`npm run soak -- --out soak-out`);
  });

  it("takes --explore, which changes no figure and so stays out of the command", () => {
    expect(optionsOf(["--explore", "--minutes", "1"])).toMatchObject({ explore: true, command: "npm run soak -- --minutes 1" });
  });

  it("refuses minutes and bots out of bounds, and unknown flags", () => {
    expect(() => optionsOf(["--minutes", "61"])).toThrow(new UsageError("--minutes takes a whole number from 1 to 60 (got 61)"));
    expect(() => optionsOf(["--bots", "0"])).toThrow(/^--bots takes a whole number from 1 to \d+ \(got 0\)$/);
    expect(() => optionsOf(["--hours", "1"])).toThrow("Unknown option '--hours'");
  });
});
