/**
 * Plays a recording on the page's clock: play, pause, speed, seeking, and which ship the
 * camera follows. The re-simulation itself is the shared MatchReplayer; this adds time.
 * Effects (explosions, shattered rocks) are reported only for steps played through, not
 * for a jump.
 */
import { MatchReplayer, type HashMismatch, type ReplayShip } from "../../../shared/replay/MatchReplayer";
import type { Recording } from "../../../shared/replay/recording";
import type { GameEvent, World } from "../../../shared/sim/world";
import { FreeCamera } from "./FreeCamera";

export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** A frame that would play more than this many steps is a jump: no effects for it. */
const MAX_STEPS_WITH_EFFECTS = 60;
/**
 * Most steps simulated in one frame (5 s of match, a few tens of ms in a full room): a jump far
 * ahead of where playback has been is run over several frames instead of freezing the page.
 */
const MAX_STEPS_PER_FRAME = 300;

export interface PlaybackFrame {
  world: World;
  /** Events of the steps played since the last frame. */
  events: GameEvent[];
}

export class ReplayPlayback {
  readonly replayer: MatchReplayer;
  /** Where the camera is while no ship is followed. */
  readonly freeCamera = new FreeCamera();
  private playingNow = true;
  private speedNow = 1;
  private followedNow: string | undefined;
  /** Where playback is, in steps (fractional between frames). */
  private position = 0;
  private lastMs: number | undefined;

  constructor(recording: Recording) {
    this.replayer = new MatchReplayer(recording);
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get speed(): number {
    return this.speedNow;
  }

  /** Ship id the camera follows; undefined for the free camera (the whole field). */
  get followed(): string | undefined {
    return this.followedNow;
  }

  setSpeed(speed: number): void {
    if (REPLAY_SPEEDS.includes(speed as (typeof REPLAY_SPEEDS)[number])) this.speedNow = speed;
  }

  follow(shipId: string | undefined): void {
    this.followedNow = shipId;
  }

  get tick(): number {
    return this.replayer.tick;
  }

  get endTick(): number {
    return this.replayer.endTick;
  }

  get tickRate(): number {
    return this.replayer.recording.header.tickRate;
  }

  get mismatches(): readonly HashMismatch[] {
    return this.replayer.mismatches;
  }

  /** The ships in the match now. */
  ships(): ReplayShip[] {
    return this.replayer.ships();
  }

  setPlaying(playing: boolean): void {
    // Play at the end starts over.
    if (playing && this.position >= this.endTick) this.position = 0;
    this.playingNow = playing;
  }

  seek(tick: number): void {
    this.position = Math.max(0, Math.min(this.endTick, tick));
  }

  /** The world for the frame at `nowMs`, having advanced playback by the time since the last frame. */
  frame(nowMs: number): PlaybackFrame {
    const elapsedMs = this.lastMs === undefined ? 0 : Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    if (this.playingNow) this.position = Math.min(this.endTick, this.position + (elapsedMs / 1000) * this.tickRate * this.speedNow);
    if (this.position >= this.endTick) this.playingNow = false;
    const target = Math.floor(this.position);
    const events: GameEvent[] = [];
    const playedThrough = target > this.tick && target - this.tick <= MAX_STEPS_WITH_EFFECTS;
    const world = this.replayer.seek(target, playedThrough ? (stepped) => events.push(...stepped.events) : undefined, MAX_STEPS_PER_FRAME);
    if (this.followedNow !== undefined && !world.ships.some((ship) => ship.id === this.followedNow)) this.followedNow = undefined;
    return { world, events };
  }
}
