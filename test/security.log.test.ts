/**
 * Finding 5 of the attacker's probe: `{"hasOwnProperty": 1}` as join options answered 523
 * and printed an 11-line stack trace on every request, about 55 lines a second from one
 * address. Refusals are counted in the metrics; the log gets one line per interval at most.
 */
import { ROOM_NAME } from "../shared/net/messages";
import { startServerProcess, type ServerProcess } from "./support/serverProcess";

/** Requests sent: at the probe's rate this was 40 × 12 lines. */
const REQUESTS = 40;
let server: ServerProcess;

beforeAll(async () => {
  // stderr captured too: the log is what this test is about.
  server = await startServerProcess({}, 30_000, { captureStderr: true });
});
afterAll(async () => {
  await server.child.stop();
});

test(`${REQUESTS} malformed joins get a clear 400 each and at most one log line in all`, async () => {
  const before = server.child.output.length;
  for (let i = 0; i < REQUESTS; i++) {
    const method = i % 2 === 0 ? "joinOrCreate" : "create";
    const body = i % 4 < 2 ? `{"hasOwnProperty": 1}` : `{"__proto__": {"name": 1}}`;
    const response = await fetch(`${server.baseUrl}/matchmake/${method}/${ROOM_NAME}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/join option "(hasOwnProperty|__proto__)" is not allowed/);
  }
  // Give any late log line time to arrive from the child.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const logged = server.child.output.slice(before);
  expect(logged.length).toBeLessThanOrEqual(1);
  expect(logged.join("\n")).not.toMatch(/\n\s+at /);
  // The server still serves an honest join.
  const honest = await fetch(`${server.baseUrl}/matchmake/joinOrCreate/${ROOM_NAME}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: `{"name":"ok"}`,
  });
  expect(honest.status).toBe(200);
});
