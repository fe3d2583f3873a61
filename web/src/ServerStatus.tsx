import { useEffect, useState } from "react";

interface Health {
  ok: boolean;
  uptime: number;
  rooms: number;
  ccu: number;
}

/** How often the page polls /health, ms. */
const POLL_MS = 2000;

/** The server's status page until the lobby and game view land (issue 3). */
export function ServerStatus() {
  const [health, setHealth] = useState<Health | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const response = await fetch("/health");
        const body = (await response.json()) as Health;
        if (cancelled) return;
        setHealth(body);
        setError(undefined);
      } catch (caught) {
        if (!cancelled) setError(String(caught));
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <main style={{ fontFamily: "system-ui, sans-serif", color: "#e0e0e0", background: "#05070d", minHeight: "100vh", padding: "2rem" }}>
      <h1>netroids</h1>
      <p>The game server is running. The lobby and the game view are the web client's issue.</p>
      {error && <p role="alert">Server unreachable: {error}</p>}
      {health && (
        <p data-testid="health">
          rooms {health.rooms} · players {health.ccu} · up {health.uptime}s
        </p>
      )}
    </main>
  );
}
