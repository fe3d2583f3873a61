/** `npm start`: builds the web client when its sources changed, then runs the game server on PORT (default 2567). */
import path from "node:path";
import { createGameServer } from "./app";
import { ensureWebBuild } from "./webBuild";

const DEFAULT_PORT = 2567;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  const webRoot = await ensureWebBuild(path.resolve(__dirname, "..", "web"));
  const server = createGameServer({ webRoot, handleSignals: true });
  server.onShutdown(() => console.log("netroids: shut down cleanly"));
  await server.listen(port);
  console.log(`netroids ready — browse http://localhost:${port} (health: /health)`);
}

main().catch((error: unknown) => {
  console.error("netroids failed to start:", error);
  process.exit(1);
});
