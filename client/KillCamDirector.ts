/**
 * When the kill-cam plays: it records every frame drawn, starts a clip at the own ship's
 * death (following the killer, or the own ship when a rock did it), and ends it at the
 * respawn, when the player skips it, or when the clip is over, whichever is first. It
 * never stands in the game's way. Knows nothing of the DOM: the page draws what it returns.
 */
import type { EventSeen } from "../shared/net/messages";
import type { RenderFrame } from "./frame";
import { KillCamRecorder, type KillCamClip, type KillCamShot } from "./KillCam";

/** The kill-cam on screen this frame. */
export interface KillCamShowing {
  /** The ship it follows. */
  followed: string;
  /** What it shows, in words: "following Ann", or "your last seconds" after a rock. */
  label: string;
  shot: KillCamShot;
  /** True on the frame a new clip starts: its painter starts afresh. */
  started: boolean;
}

export class KillCamDirector {
  private readonly recorder = new KillCamRecorder();
  private clip: KillCamClip | undefined;
  private label = "";
  private skipped = false;
  /** Kill-cams started since joining. */
  shown = 0;

  /** Ends the kill-cam playing now (the K key, the skip button); the next death starts a new one. */
  skip(): void {
    this.skipped = true;
  }

  /** Records one drawn frame of player `ownId`; the kill-cam shot to show with it, or undefined. */
  update(frame: RenderFrame, events: readonly EventSeen[], nowMs: number, ownId: string): KillCamShowing | undefined {
    this.recorder.push(frame, events, nowMs);
    const death = events.find((event) => event.kind === "shipDestroyed" && event.shipId === ownId);
    let started = false;
    if (death?.kind === "shipDestroyed") {
      this.clip = this.recorder.clip(death.killerId ?? ownId, nowMs);
      this.skipped = false;
      started = this.clip !== undefined;
      if (started) this.shown++;
      const killer = death.killerId === null ? undefined : frame.ships.find((ship) => ship.id === death.killerId)?.name;
      this.label = killer === undefined ? "your last seconds" : `following ${killer}`;
    }
    const revived = frame.ships.some((ship) => ship.isLocal && ship.alive);
    const shot = this.clip && !this.skipped && !revived ? this.clip.shotAt(nowMs) : undefined;
    if (!this.clip || !shot) {
      this.clip = undefined;
      return undefined;
    }
    return { followed: this.clip.followed, label: this.label, shot, started };
  }
}
