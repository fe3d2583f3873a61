/**
 * One benchmark configuration: a shooter and a target, two real SDK clients each
 * wrapped in the web client's GameSession, in a fresh room of the real server running
 * in this process, under one simulated network. A 60 Hz loop plays the shooter's
 * screen (`update(now)` runs its input steps, then `frame(now)` draws) and measures as it goes: what the
 * screen showed against what the server decided and where things truly were.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import type { ClientMessageStats } from "../../server/rooms/MessageGuard";
import { isPlaced, ROOM_NAME, ServerMessage, type EventsMessage } from "../../shared/net/messages";
import type { GameState } from "../../shared/net/schema";
import type { Vec2 } from "../../shared/sim/vector";
import { findShip } from "../../shared/sim/world";
import { GameSession } from "../../client/GameSession";
import { OWN_SHOT_PREFIX } from "../../client/OwnShots";
import type { LinkConditions } from "../../client/linkConditions";
import type { GameRoom } from "../../client/matchmaking";
import { Shooter, targetKeys } from "./pilots";
import { noteServerStep, stageDuel } from "./practiceRange";
import { DuelRecorder, type HitAgreement, type InterpolationResult, type ReconciliationResult, type RewindResult } from "./recorder";
import { ScreenHitJudge } from "./screenHits";
import { TICK_MS } from "../../shared/constants";
import { CONNECT_TIMEOUT_MS, runFrames, waitUntil, withTimeout } from "./schedule";
import { truePosition, wrappedDistance } from "./serverTruth";
import { summarize, type Summary } from "../../shared/stats";

export interface DuelConfig {
  /** Simulated round trip, ms (half each way), and ± jitter per message, ms. */
  rttMs: number;
  jitterMs: number;
  lagCompensation: boolean;
}

export interface DuelTiming {
  /** Before measuring: the clock syncs, the interpolation delay settles, the shooter closes in, ms. */
  warmupMs: number;
  /** Measuring and firing, ms. */
  measureMs: number;
  /** After the last shot: bullets finish their flight and their events arrive, ms. */
  drainMs: number;
  /** Screen frame interval, ms (60 Hz). */
  frameMs: number;
}

export interface DuelResult {
  config: DuelConfig;
  wallSeconds: number;
  shots: { released: number; launched: number };
  hits: HitAgreement;
  rewindTicks: RewindResult;
  reconciliation: ReconciliationResult;
  interpolation: InterpolationResult;
  network: {
    pingMs: Summary;
    shooterMessages: ClientMessageStats | undefined;
    frameIntervalMs: Summary;
    /** The shooter's room messages (inputs and RTT reports) per second while measuring, and its bytes up per second (pings included). */
    upMessagesPerS: number;
    upBytesPerS: Summary;
  };
  /** Event-loop stalls (frame intervals over STALL_MS) at any time in the duel: they hit server and clients at once. */
  stalls: { count: number; longestMs: number };
}

/**
 * A frame interval longer than this is a stall of the whole process, ms. Over 5 steps
 * (83 ms) the server's fixed timestep drops its backlog and its clock falls behind for
 * good, which the clients' ServerClock only notices 3 s later (see the report's notes).
 */
export const STALL_MS = 100;

/**
 * Runs one duel in a fresh room created with `seed`. Both clients go through the web
 * client's own network simulator (RoomLink, set up by GameSession from `conditions`):
 * no packet loss, so no delay spikes.
 */
export async function runDuel(endpoint: string, config: DuelConfig, timing: DuelTiming, seed: number): Promise<DuelResult> {
  const startedAt = performance.now();
  const sdk = new Client(endpoint);
  const shooterRoom: GameRoom = await withTimeout(
    sdk.create<GameState>(ROOM_NAME, { seed, name: "shooter" }),
    CONNECT_TIMEOUT_MS,
    "create",
  );
  const targetRoom: GameRoom = await withTimeout(
    sdk.joinById<GameState>(shooterRoom.roomId, { name: "target" }),
    CONNECT_TIMEOUT_MS,
    "join",
  );
  const room = matchMaker.getLocalRoomById(shooterRoom.roomId) as unknown as AsteroidsRoom | undefined;
  if (!room) throw new Error("the room is not hosted by this process");
  const shooterId = shooterRoom.sessionId;
  const targetId = targetRoom.sessionId;

  const conditions: LinkConditions = { latencyMs: config.rttMs, jitterMs: config.jitterMs, spikeChance: 0, spikeMs: 0 };
  const a = new GameSession(shooterRoom, "bench", conditions);
  const b = new GameSession(targetRoom, "bench", conditions);
  a.setOption("lagCompensation", config.lagCompensation);
  const recorder = new DuelRecorder();
  const judge = new ScreenHitJudge();
  const shooter = new Shooter(targetId);
  let measuring = false;
  let lastAck = 0;
  // Per input (by sequence number) until the server applies it: the own ship as drawn on the first frame after
  // the client applied it, and the server step the screen was drawing the target at then.
  const afterInput = new Map<number, Vec2 & { seenTick: number }>();
  const compareOwnShip = (ack: number) => {
    const drawn = afterInput.get(ack);
    const ship = findShip(room.world, shooterId);
    if (drawn && ship) {
      recorder.drawnVsServer.push(wrappedDistance(drawn, ship, room.world.size));
      recorder.seenLags.push(room.world.tick - drawn.seenTick);
    }
    for (const seq of afterInput.keys()) if (seq <= ack) afterInput.delete(seq);
  };
  // With prediction the shooter draws its shots under their input step's id (OwnShots); the server keys them by bullet id.
  const bulletOfShot = new Map<string, string>();
  const serverIdOf = (drawnId: string) => bulletOfShot.get(drawnId) ?? drawnId;
  // Drawn ids that touched the target on screen: a close shot can touch before the server has fired it.
  const shownTouching = new Set<string>();
  const loopStart = performance.now();
  const elapsedNow = () => performance.now() - loopStart;

  stageDuel(room, {
    shooterId,
    targetId,
    afterStep: () => {
      const phase = { judging: elapsedNow() >= timing.warmupMs, measuring };
      const ack = noteServerStep(room, shooterId, recorder, bulletOfShot, phase, lastAck);
      if (ack !== lastAck) compareOwnShip(ack);
      lastAck = ack;
    },
  });
  // Registered after the session's own listeners, so these run after it has taken in the patch or event.
  shooterRoom.onStateChange(() => {
    if (!measuring) return;
    const stats = a.stats();
    recorder.corrections.push(stats.correctionPx);
    if (stats.pingMs !== undefined) recorder.pings.push(stats.pingMs);
  });
  shooterRoom.onMessage(ServerMessage.Events, (batch: EventsMessage) => {
    // The killer is always sent its kills in full (server/rooms/eventsSeen.ts).
    for (const event of batch.events) {
      if (
        isPlaced(event) &&
        event.kind === "shipDestroyed" &&
        event.killerId === shooterId &&
        event.shipId === targetId &&
        event.bulletId !== undefined
      ) {
        recorder.serverHits.add(String(event.bulletId));
      }
    }
  });
  const isOwn = (drawnId: string) => drawnId.startsWith(OWN_SHOT_PREFIX) || shooterRoom.state.bullets.get(drawnId)?.owner === shooterId;

  const firingEnds = timing.warmupMs + timing.measureMs;
  let previousNow: number | undefined;
  const stalls = { count: 0, longestMs: 0 };
  // The shooter fires only while measuring, so every bullet seen after the warm-up is judged.
  const messagesSent = () => {
    const stats = room.messageStats(shooterId);
    return stats ? stats.accepted + Object.values(stats.dropped).reduce((sum, count) => sum + count, 0) : 0;
  };
  const upMessages: { first?: MessageCount; last?: MessageCount } = {};
  await runFrames(timing.frameMs, firingEnds + timing.drainMs, (now, elapsed) => {
    measuring = elapsed >= timing.warmupMs && elapsed < firingEnds;
    if (measuring) {
      upMessages.last = { at: elapsed, count: messagesSent() };
      upMessages.first ??= upMessages.last;
      recorder.bytesUp.push(a.stats(now).bytesOutPerSecond);
    }
    b.setKeys(targetKeys(Math.floor(elapsed / TICK_MS)));
    b.update(now);

    a.update(now);
    const { frame } = a.frame(now);
    if (elapsed >= timing.warmupMs) {
      for (const id of judge.observe(frame, targetId, isOwn, now)) shownTouching.add(id);
    }
    if (measuring) {
      const stats = a.stats(now);
      const renderTime = a.renderTime(now);
      const own = frame.ships.find((ship) => ship.isLocal);
      // Inputs the client has applied: the server's ack in the newest patch plus the ones still pending.
      const appliedSeq = (shooterRoom.state.ships.get(shooterId)?.ack ?? 0) + stats.pendingInputs;
      if (own && !afterInput.has(appliedSeq)) {
        afterInput.set(appliedSeq, { x: own.x, y: own.y, seenTick: Math.floor(renderTime / TICK_MS) });
      }
      const frameMs = previousNow === undefined ? 0 : now - previousNow;
      recorder.ownShipFrame(stats.visibleErrorPx, frameMs);
      if (frameMs > 0) recorder.frameIntervals.push(frameMs);
      recorder.delays.push(stats.interpolationDelayMs);
      recorder.frames++;
      if (renderTime > shooterRoom.state.tick * TICK_MS) recorder.dryFrames++;
      const drawn = frame.ships.find((ship) => ship.id === targetId);
      const truth = truePosition(room.world, targetId, renderTime);
      if (drawn && truth) recorder.interpolationErrors.push(wrappedDistance(drawn, truth, room.world.size));
      else recorder.framesWithoutTruth++;
    }
    if (previousNow !== undefined && now - previousNow > STALL_MS) {
      stalls.count++;
      stalls.longestMs = Math.max(stalls.longestMs, now - previousNow);
    }
    previousNow = now;
    a.setKeys(shooter.keys(frame, now, measuring));
  });

  // Bullets from before the measuring phase do not count, on either side.
  for (const drawnId of shownTouching) {
    const id = serverIdOf(drawnId);
    if (recorder.rewinds.has(Number(id))) recorder.screenHits.add(id);
  }
  for (const id of recorder.serverHits) if (!recorder.rewinds.has(Number(id))) recorder.serverHits.delete(id);
  const sessionDryFrameShare = a.stats().dryFrameShare;
  const counted = room.messageStats(shooterId);
  const shooterMessages = counted && structuredClone(counted);
  const roomId = room.roomId;
  await withTimeout(Promise.all([a.leave(), b.leave()]), CONNECT_TIMEOUT_MS, "leave");
  await waitUntil(() => matchMaker.getLocalRoomById(roomId) === undefined, CONNECT_TIMEOUT_MS);

  return {
    config,
    wallSeconds: (performance.now() - startedAt) / 1000,
    shots: { released: shooter.releases, launched: recorder.launched },
    hits: recorder.hitAgreement(new Map(Array.from(judge.tracks, ([drawnId, track]) => [serverIdOf(drawnId), track]))),
    rewindTicks: recorder.rewindTicks(),
    reconciliation: recorder.reconciliation(),
    interpolation: recorder.interpolation(sessionDryFrameShare),
    network: networkOf(recorder, shooterMessages, upMessages),
    stalls,
  };
}

/** A duel's network figures: the shooter's pings, frames, messages and bytes up while measuring. */
export function networkOf(
  recorder: DuelRecorder,
  shooterMessages: ClientMessageStats | undefined,
  upMessages: { first?: MessageCount; last?: MessageCount },
): DuelResult["network"] {
  return {
    pingMs: summarize(recorder.pings),
    shooterMessages,
    frameIntervalMs: summarize(recorder.frameIntervals),
    upMessagesPerS: perSecond(upMessages.first, upMessages.last),
    upBytesPerS: summarize(recorder.bytesUp),
  };
}

/** The shooter's messages counted so far, `at` ms into the duel. */
export interface MessageCount {
  at: number;
  count: number;
}

/** Messages a second between two counts taken `at` ms apart. */
function perSecond(first: MessageCount | undefined, last: MessageCount | undefined): number {
  if (!first || !last || last.at <= first.at) return Number.NaN;
  return ((last.count - first.count) * 1000) / (last.at - first.at);
}
