/**
 * A read-only picture of what the page shows, on `window.__netroids`, for browser tests
 * and curious players: the screen, the ships as drawn this frame, effect counts, the
 * camera and the minimap.
 * It is replaced (never mutated) so a reader cannot change the game through it.
 */
import type { GameSession } from "../../client/GameSession";
import type { NetcodeOptions, NetStats } from "../../client/netStats";
import type { RenderBullet, RenderFrame, RenderShip } from "../../client/frame";
import type { CameraView } from "./render/camera";
import { OWN_SHOT_PREFIX } from "../../client/OwnShots";

export type DebugShip = Pick<RenderShip, "id" | "name" | "color" | "x" | "y" | "angle" | "alive" | "protected">;
export type DebugBullet = Pick<RenderBullet, "id" | "x" | "y" | "radius" | "opacity">;

export interface DebugSnapshot {
  screen: "lobby" | "game" | "replay";
  /** On the replay page: where playback is, and what it checked. */
  replay?: DebugReplay;
  sessionId?: string;
  roomId?: string;
  roomName?: string;
  /** Ships as drawn in the last frame (interpolated). */
  ships?: DebugShip[];
  bullets?: number;
  /** The own shots as drawn in the last frame (predicted, client/OwnShots): the netcode bench judges hits on screen from them. */
  ownShots?: DebugBullet[];
  asteroids?: number;
  /** Explosion effects playing now, and started since joining. */
  explosions?: number;
  explosionsSeen?: number;
  score?: number;
  pingMs?: number;
  frames?: number;
  /** Network statistics and the netcode switches (see GameSession). */
  net?: NetStats;
  netcode?: NetcodeOptions;
  /**
   * The camera of the last frame: the field point at the canvas's centre, canvas
   * (backing-store) px per field px, and the field px the canvas shows on each axis (at
   * most VIEW_WIDTH × VIEW_HEIGHT). Field point p is drawn at canvas px
   * canvas.width / 2 + wrapDelta(x, p.x, world.width) × scale (and likewise for y).
   */
  camera?: DebugCamera;
  /** The room's field, px. */
  world?: { width: number; height: number };
  /** Players on the minimap (every player in the room). */
  blips?: number;
  /** Markers drawn at the screen's edge for ships just off it. */
  edgeMarkers?: number;
  /** The minimap canvas's box on the page, CSS px. */
  minimap?: { x: number; y: number; width: number; height: number };
  /** Sound effects started since the page loaded, whether they are muted, and whether audio runs (after a gesture). */
  sound?: { played: number; muted: boolean; running: boolean };
  /** Kill-cams started since joining, and the one showing: the ship it follows, how far it is (0..1), its camera's centre. */
  killCam?: { shown: number; following?: string; progress?: number; camera?: { x: number; y: number } };
}

interface DebugReplay {
  /** Why the replay cannot be played, when it cannot. */
  error?: string;
  tick?: number;
  endTick?: number;
  playing?: boolean;
  speed?: number;
  /** Ship id the camera follows; undefined for the free camera. */
  followed?: string;
  /** Recorded state hashes compared so far, and how many differed. */
  checked?: number;
  mismatches?: number;
  /** The simulation version the recording names, and the one this page runs. */
  simulation?: { recorded: number; played: number };
}

interface DebugCamera {
  x: number;
  y: number;
  scale: number;
  viewWidth: number;
  viewHeight: number;
}

declare global {
  interface Window {
    __netroids?: Readonly<DebugSnapshot>;
  }
}

/** The ships of a frame as the snapshot lists them. */
export function debugShips(ships: readonly RenderShip[]): DebugShip[] {
  return ships.map(({ id, name, color, x, y, angle, alive, protected: isProtected }) => ({
    id,
    name,
    color,
    x,
    y,
    angle,
    alive,
    protected: isProtected,
  }));
}

/** The own shots among a frame's bullets, as the snapshot lists them. */
function debugOwnShots(bullets: readonly RenderBullet[]): DebugBullet[] {
  return bullets
    .filter((bullet) => bullet.id.startsWith(OWN_SHOT_PREFIX))
    .map(({ id, x, y, radius, opacity }) => ({ id, x, y, radius, opacity }));
}

export function publishDebugSnapshot(snapshot: DebugSnapshot): void {
  window.__netroids = Object.freeze(snapshot);
}

/** What the game screen knows of its last frame beyond the session's own state. */
export interface GameFrameFacts {
  session: GameSession;
  frame: RenderFrame;
  nowMs: number;
  view: CameraView;
  frames: number;
  explosions: number;
  explosionsSeen: number;
  edgeMarkers: number;
  minimap: { x: number; y: number; width: number; height: number };
  sound: { played: number; muted: boolean; running: boolean };
  killCam: { shown: number; following: string | undefined; progress: number | undefined; view: CameraView | undefined };
}

/** Publishes the game screen's snapshot of its last frame. */
export function publishGameSnapshot(facts: GameFrameFacts): void {
  const { session, frame, view, minimap, sound, killCam } = facts;
  publishDebugSnapshot({
    screen: "game",
    sessionId: session.sessionId,
    roomId: session.roomId,
    roomName: session.roomName,
    ships: debugShips(frame.ships),
    bullets: frame.bullets.length,
    ownShots: debugOwnShots(frame.bullets),
    asteroids: frame.asteroids.length,
    explosions: facts.explosions,
    explosionsSeen: facts.explosionsSeen,
    score: session.localScore(),
    pingMs: session.latestPingMs,
    frames: facts.frames,
    net: session.stats(facts.nowMs),
    netcode: { ...session.options },
    camera: { x: view.x, y: view.y, scale: view.scale, viewWidth: 2 * view.halfWidth, viewHeight: 2 * view.halfHeight },
    world: { width: frame.world.width, height: frame.world.height },
    blips: frame.blips.length,
    edgeMarkers: facts.edgeMarkers,
    minimap: { x: minimap.x, y: minimap.y, width: minimap.width, height: minimap.height },
    sound: { played: sound.played, muted: sound.muted, running: sound.running },
    killCam: {
      shown: killCam.shown,
      following: killCam.following,
      progress: killCam.progress,
      camera: killCam.view && { x: killCam.view.x, y: killCam.view.y },
    },
  });
}
