/**
 * Counts the non-blank lines a server process writes to stderr (Colyseus and the rooms log caught
 * exceptions there with console.error) as a metric (STDERR_LINES_METRIC),
 * so the soak run can read "errors the server logged" from /metrics like everything else.
 * The lines still reach stderr unchanged. Import it before the server.
 */
import { Counter } from "prom-client";
import { serverMetrics } from "../../server/metrics/ServerMetrics";
import { STDERR_LINES_METRIC } from "./sample";

const lines = new Counter({
  name: STDERR_LINES_METRIC,
  help: "Lines this process wrote to stderr (soak runs only).",
  registers: [serverMetrics.registry],
});

const write = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  const count = text.split("\n").filter((line) => line.trim() !== "").length;
  if (count > 0) lines.inc(count);
  return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;
