/**
 * What a headless bot decides to press. It plays like a (not very good) human: it
 * turns toward the nearest living ship it knows of (one in view, or a dot on the
 * minimap, as a player would), thrusts while far from it, charges a shot once
 * roughly aimed and lets go after a random charge time. Decisions are taken every
 * 150–450 ms, so keys change a few times per second, not every frame. Pure: the same
 * sight, time and seed give the same keys.
 */
import { Key } from "../shared/sim/input";
import { nextRandom, randomRange, type RngState } from "../shared/sim/rng";
import { angleDelta, wrappedOffset, type Vec2 } from "../shared/sim/vector";
import type { WorldSize } from "../shared/sim/worldSize";

interface BotShipSight extends Vec2 {
  angle: number;
  alive: boolean;
}

/** What a bot sees of the room: the input to its brain. */
export interface BotSight {
  /** The bot's own ship; undefined before the first patch. */
  self: BotShipSight | undefined;
  /** Every other ship the bot knows of: those in its view where they are, the rest at their minimap cell. */
  others: readonly (Vec2 & { alive: boolean })[];
  /** The room's field, which everything wraps in. */
  size: WorldSize;
}

export interface BotMind {
  rng: RngState;
  keys: number;
  /** Local time of the next decision, ms. */
  decideAt: number;
  /** Local time at which a held charge is released, ms; undefined while not charging. */
  releaseAt: number | undefined;
}

/** Time between decisions, ms: 2–7 key changes a second at most, like a player's hands. */
const DECISION_MS = { min: 150, max: 450 } as const;
/** How long a shot is charged, ms: from a tap to a heavy round. */
export const CHARGE_MS = { min: 80, max: 700 } as const;
/** Aim error under which the bot starts charging, radians (~17°). */
const AIM_TOLERANCE = 0.3;
/** Distance beyond which the bot closes in, px. */
const CHASE_DISTANCE = 220;

export function createMind(seed: number): BotMind {
  return { rng: { rngState: seed >>> 0 }, keys: 0, decideAt: 0, releaseAt: undefined };
}

/** The nearest living ship, across the wrapped edges, as an offset from `from`. */
export function nearestTarget(from: Vec2, others: BotSight["others"], size: WorldSize): Vec2 | undefined {
  let best: Vec2 | undefined;
  let bestDistance = Infinity;
  for (const other of others) {
    if (!other.alive) continue;
    const offset = wrappedOffset(from, other, size);
    const distance = Math.hypot(offset.x, offset.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = offset;
    }
  }
  return best;
}

/** Updates `mind` for local time `nowMs` and returns the keys to hold. */
export function think(mind: BotMind, sight: BotSight, nowMs: number): number {
  const self = sight.self;
  if (!self || !self.alive) {
    mind.keys = 0;
    mind.releaseAt = undefined;
    return mind.keys;
  }
  // A charge is let go on time, between decisions, as a player releases Space.
  if (mind.releaseAt !== undefined && nowMs >= mind.releaseAt) {
    mind.keys &= ~Key.Fire;
    mind.releaseAt = undefined;
  }
  if (nowMs < mind.decideAt) return mind.keys;
  mind.decideAt = nowMs + randomRange(mind.rng, DECISION_MS.min, DECISION_MS.max);

  const target = nearestTarget(self, sight.others, sight.size);
  let keys = mind.keys & Key.Fire;
  if (!target) {
    // Nobody to chase: drift around and turn now and then.
    const roll = nextRandom(mind.rng);
    if (roll < 0.6) keys |= Key.Up;
    if (roll > 0.75) keys |= Key.Left;
    else if (roll > 0.5) keys |= Key.Right;
    mind.keys = keys;
    return keys;
  }
  const aimError = angleDelta(self.angle, Math.atan2(target.y, target.x));
  if (aimError > AIM_TOLERANCE / 2) keys |= Key.Right;
  else if (aimError < -AIM_TOLERANCE / 2) keys |= Key.Left;
  const distance = Math.hypot(target.x, target.y);
  if (distance > CHASE_DISTANCE) keys |= Key.Up;
  else if (nextRandom(mind.rng) < 0.3) keys |= Key.Down;
  if (mind.releaseAt === undefined && Math.abs(aimError) < AIM_TOLERANCE) {
    keys |= Key.Fire;
    mind.releaseAt = nowMs + randomRange(mind.rng, CHARGE_MS.min, CHARGE_MS.max);
  }
  mind.keys = keys;
  return keys;
}
