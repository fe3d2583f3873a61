/**
 * jest's globalSetup: runs once, before any test file, in jest's main process (the workers
 * are forked after it and inherit its environment).
 *  - Fails the run with one line when a program the selected tests need is missing.
 *  - Moves REDIS_URL aside for the scale-out tests (see support/testRedis.ts), so that the
 *    many other tests that spawn a server process do not hand it a shared Redis.
 */
import { requirementsOfRun, type RunSelection } from "./runNeeds";
import { missingRequirements } from "./requirements";
import { SHARED_REDIS_VARIABLE } from "./testRedis";

/**
 * jest prints a failing globalSetup's `stack` (jest-cli), after prefixing its message with
 * "Jest: Got error running globalSetup - <file>, reason:". A stack that is the message
 * alone keeps the output to the one line that says what to install.
 */
class MissingRequirements extends Error {
  constructor(line: string) {
    super(line);
    this.name = "MissingRequirements";
    this.stack = line;
  }
}

export default async function globalSetup(globalConfig: RunSelection, projectConfig: { roots: readonly string[] }): Promise<void> {
  const missing = await missingRequirements(requirementsOfRun(globalConfig, projectConfig.roots));
  if (missing) throw new MissingRequirements(missing);
  const redisUrl = process.env.REDIS_URL?.trim();
  if (redisUrl) {
    process.env[SHARED_REDIS_VARIABLE] = redisUrl;
    delete process.env.REDIS_URL;
  }
}
