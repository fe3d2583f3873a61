/**
 * The kill-cam: the last seconds before your ship was destroyed, played back following
 * the ship that destroyed you. It replays the frames this client drew (interpolated
 * remote ships, its own ship, bullets, rocks and the events released with them), so it
 * costs nothing on the wire; it only keeps those frames a few seconds longer.
 */
import type { EventSeen } from "../shared/net/messages";
import type { RenderFrame } from "./frame";

/** Seconds of play a kill-cam shows before the death. */
export const KILL_CAM_SECONDS = 3;
const KILL_CAM_MS = KILL_CAM_SECONDS * 1000;
/**
 * Playback speed: the page learns of its death an interpolation delay late and revives
 * RESPAWN_DELAY (3 s) after it, so 3 s at 1× would be cut before the kill. At 1.25× they
 * take 2.4 s, and the kill itself (the last frame, with its explosion) stays on screen.
 */
export const KILL_CAM_SPEED = 1.25;
/** How long the last frame is held at most, ms, if nothing ends the kill-cam first. */
const HOLD_MS = 1500;

interface DrawnFrame {
  atMs: number;
  frame: RenderFrame;
  events: readonly EventSeen[];
}

/** One frame of a kill-cam as shown: the frame re-focused on the ship followed, and the events to start with it. */
export interface KillCamShot {
  frame: RenderFrame;
  events: EventSeen[];
  /** 0 at the clip's start, 1 at the death. */
  progress: number;
}

/** Keeps the frames drawn in the last KILL_CAM_SECONDS. */
export class KillCamRecorder {
  private frames: DrawnFrame[] = [];

  push(frame: RenderFrame, events: readonly EventSeen[], nowMs: number): void {
    this.frames.push({ atMs: nowMs, frame, events });
    let old = 0;
    while (old < this.frames.length && this.frames[old]!.atMs < nowMs - KILL_CAM_MS) old++;
    if (old > 0) this.frames.splice(0, old);
  }

  /** The kill-cam of a death just drawn, following `killerId` (the victim's own ship when a rock did it); undefined with no frames. */
  clip(killerId: string, startMs: number): KillCamClip | undefined {
    return this.frames.length === 0 ? undefined : new KillCamClip(this.frames.slice(), killerId, startMs);
  }

  clear(): void {
    this.frames = [];
  }
}

/** A recorded stretch played from `startMs` at its own pace. */
export class KillCamClip {
  private next = 0;
  private focus: { x: number; y: number } | undefined;

  constructor(
    private readonly frames: readonly DrawnFrame[],
    readonly followed: string,
    private readonly startMs: number,
  ) {}

  /** The frame to show at `nowMs` (the last one, held, once played through), or undefined once the hold is over. */
  shotAt(nowMs: number): KillCamShot | undefined {
    const first = this.frames[0]!.atMs;
    const last = this.frames[this.frames.length - 1]!.atMs;
    const clipMs = Math.min(last, first + (nowMs - this.startMs) * KILL_CAM_SPEED);
    if (nowMs - this.startMs > (last - first) / KILL_CAM_SPEED + HOLD_MS) return undefined;
    // Frames passed since the last call: their events start too, so nothing is skipped at a low frame rate.
    const events: EventSeen[] = [];
    while (this.next + 1 < this.frames.length && this.frames[this.next + 1]!.atMs <= clipMs) {
      this.next++;
      events.push(...this.frames[this.next]!.events);
    }
    const { frame } = this.frames[this.next]!;
    const followed = frame.ships.find((ship) => ship.id === this.followed);
    // Where the followed ship was last seen, if it is out of this frame.
    if (followed) this.focus = { x: followed.x, y: followed.y };
    return {
      frame: {
        ...frame,
        focus: this.focus ?? frame.focus,
        ships: frame.ships.map((ship) => ({ ...ship, isLocal: ship.id === this.followed })),
      },
      events,
      progress: last === first ? 1 : (clipMs - first) / (last - first),
    };
  }
}
