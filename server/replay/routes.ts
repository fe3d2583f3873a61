/**
 * The replays' HTTP side, open to players like the lobby: GET /api/replays lists recent
 * recordings, newest first; GET /api/replays/:id sends one recording's bytes (as a
 * download with ?download) once its match is over. A recording holds every ship's exact
 * position, so while the match is on it would show players what interest management
 * keeps from them. The page at /replay/:id is one of the web client's routes.
 *
 * Both read the disk, so both are limited per client address with matchmaking's token
 * bucket (JoinRateLimiter): 429 with retry-after past it. The listing reads the directory
 * without blocking the event loop the rooms tick on.
 */
import type express from "express";
import { REPLAYS_API } from "../../shared/replay/replayListing";
import { clientAddress } from "../joinGuard/guardMatchmaking";
import { JoinRateLimiter, type JoinRateLimit } from "../joinGuard/JoinRateLimiter";
import { replayStore } from "./ReplayStore";

/** Recordings listed at most: the lobby shows a few, the dashboard a page. */
const LISTED = 50;

/**
 * Replay requests per address: matchmaking's numbers, a burst of 20, then 5 a second. A lobby
 * or dashboard lists every 10 s and a replay page fetches one file, so even a few dozen players
 * behind one NAT stay under it; a script listing in a loop does not.
 */
export const DEFAULT_REPLAY_RATE_LIMIT: JoinRateLimit = { burst: 20, perSecond: 5 };

export interface ReplayRouteOptions {
  /** Undefined: no limit. */
  rateLimit?: JoinRateLimit;
  /** Take the client address from the proxy's headers (TRUST_PROXY=1), as matchmaking does. */
  trustProxy: boolean;
}

export function mountReplays(app: express.Application, options: ReplayRouteOptions): void {
  const limiter = options.rateLimit && new JoinRateLimiter(options.rateLimit);
  /** False, having answered 429, when the client's address is over its limit. */
  function admitted(req: express.Request, res: express.Response): boolean {
    const verdict = limiter?.take(clientAddress(req, options.trustProxy), Date.now());
    if (!verdict || verdict.allowed) return true;
    res
      .status(429)
      .set("Retry-After", String(verdict.retryAfterSeconds))
      .json({ error: `too many replay requests from your address: try again in ${verdict.retryAfterSeconds} s` });
    return false;
  }

  app.get(REPLAYS_API, async (req, res) => {
    if (!admitted(req, res)) return;
    try {
      res.json((await replayStore()?.listing(LISTED)) ?? []);
    } catch (error) {
      res.status(500).json({ error: `replays cannot be listed: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  app.get(`${REPLAYS_API}/:id`, async (req, res) => {
    if (!admitted(req, res)) return;
    const id = String(req.params.id);
    const store = replayStore();
    if (store?.isRecording(id)) {
      res.status(409).json({ error: "the match is still on: its replay opens when it ends" });
      return;
    }
    const bytes = await store?.read(id);
    if (!bytes) {
      res.status(404).json({ error: "no such replay" });
      return;
    }
    if (req.query.download !== undefined) res.attachment(`netroids-${id}.ntr`);
    res.set("Cache-Control", "no-store").type("application/octet-stream").send(Buffer.from(bytes));
  });
}
