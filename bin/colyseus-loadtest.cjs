#!/usr/bin/env node
/**
 * `npx colyseus-loadtest <bot.ts> [options]`: @colyseus/loadtest 0.17's own bin only
 * prints a deprecation notice, so this one (the package's bin, which npx prefers) runs
 * the bot file with tsx, defaulting to the local server and the game room.
 */
const { spawn } = require("node:child_process");
const path = require("node:path");

const args = process.argv.slice(2);
const has = (flag) => args.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
if (args.length === 0 || args[0].startsWith("-")) {
  console.error(
    "usage: colyseus-loadtest <bot.ts> [--numClients N] [--endpoint ws://host:port] [--room name | --roomId id] [--delay ms] [--duration s] [--output file]",
  );
  process.exit(2);
}
const defaults = [];
if (!has("--endpoint")) defaults.push("--endpoint", `ws://127.0.0.1:${process.env.PORT ?? 2567}`);
if (!has("--room") && !has("--roomId")) defaults.push("--room", "asteroids");

const tsx = require.resolve("tsx/cli", { paths: [process.cwd(), path.join(__dirname, "..")] });
const child = spawn(process.execPath, [tsx, path.resolve(args[0]), ...args.slice(1), ...defaults], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
