/**
 * The duels' clock: frames on a schedule that does not drift, and bounds on what waits on
 * the network (joining, leaving, a room going away), so a stuck step fails the run instead
 * of hanging it. Shared by the Node duel (duel.ts) and the Chromium duel (browserDuel.ts).
 */

/** Bound on joining and leaving, ms: a stuck connection fails the run instead of hanging it. */
export const CONNECT_TIMEOUT_MS = 5000;

/** Settles as `promise` does, or rejects once `ms` have passed, naming `what` took too long. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs `onFrame(now, elapsed)` every `frameMs` on a schedule that does not drift, for `totalMs`. */
export function runFrames(frameMs: number, totalMs: number, onFrame: (now: number, elapsed: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let n = 0;
    const next = () => {
      const now = performance.now();
      try {
        onFrame(now, now - start);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (now - start >= totalMs) return resolve();
      n++;
      setTimeout(next, Math.max(0, start + n * frameMs - performance.now()));
    };
    next();
  });
}

/** Polls `check` every 20 ms until it holds or `timeoutMs` have passed; returns the last answer. */
export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}
