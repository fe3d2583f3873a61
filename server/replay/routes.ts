/**
 * The replays' HTTP side, open to players like the lobby: GET /api/replays lists recent
 * recordings, newest first; GET /api/replays/:id sends one recording's bytes (as a
 * download with ?download) once its match is over. A recording holds every ship's exact
 * position, so while the match is on it would show players what interest management
 * keeps from them. The page at /replay/:id is one of the web client's routes.
 */
import type express from "express";
import { REPLAYS_API } from "../../shared/replay/replayListing";
import { replayStore } from "./ReplayStore";

/** Recordings listed at most: the lobby shows a few, the dashboard a page. */
const LISTED = 50;

export function mountReplays(app: express.Application): void {
  app.get(REPLAYS_API, (_req, res) => {
    try {
      res.json(replayStore()?.list(LISTED) ?? []);
    } catch (error) {
      res.status(500).json({ error: `replays cannot be listed: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  app.get(`${REPLAYS_API}/:id`, async (req, res) => {
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
