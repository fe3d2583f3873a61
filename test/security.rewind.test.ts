/**
 * Hole 1 of the attacker's probe (issue 25): a client's `seen` tick was taken as given up to
 * the 30-step cap, so a shooter on loopback claiming to see the field 40 steps ago hit ships
 * where they had been half a second before. Now the rewind is bounded by the round trip the
 * room measures itself (server/rooms/RoundTrips.ts).
 *
 * The range: the target sits 160 px in front of the shooter's nose for over a second, then
 * flies off, 15 server steps before the shooter's release is applied. A shot judged against
 * where the target was 15 or more steps back hits; one judged against the last 14 steps
 * misses. Real SDK clients on loopback send their steps at 60 Hz, echoing the room's probes as
 * the page does; the liar sends `seen` 40 steps behind what it has been sent, the honest
 * shooter what it has. A control round, where the target stays, shows that both aim true.
 */
import type { Room } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { MAX_REWIND_TICKS } from "../shared/constants";
import { Key } from "../shared/sim/input";
import { ClientMessage, ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { findShip } from "../shared/sim/world";
import { clearField } from "./support/arena";
import { sleep, useGameServer, waitFor } from "./support/gameServer";

const server = useGameServer();

const TRIALS = 4;
const LIE_STEPS = 40;
/** Steps between the target flying off and the release being applied. */
const FLOWN_OFF_STEPS = 15;
const SHOOTER = { x: 100, y: 270 };
const IN_LINE = { x: 260, y: 270 };
const OFF_LINE = { x: 260, y: 470 };

/** A client that makes one step every 1/60 s, as the page does, holding the keys its script sets. */
class ScriptedShooter {
  step = 0;
  private readonly changes = new Map<number, number>();
  private echo: number | undefined;
  private lastProbe = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly room: Room<unknown, GameState>,
    private readonly seenBehind: number,
  ) {
    room.onStateChange((state: GameState) => {
      // The round-trip probe (ShipState.probe), echoed once, as client/InputSender does.
      const probe = (state.ships.get(room.sessionId) as { probe?: number } | undefined)?.probe ?? 0;
      if (probe !== 0 && probe !== this.lastProbe) this.echo = probe;
      this.lastProbe = probe;
    });
    this.timer = setInterval(() => this.sendStep(), 1000 / 60);
  }

  /** Holds Fire from a few steps on, and releases it 6 steps later; returns the release's step. */
  tapFire(): number {
    const press = this.step + 3;
    this.changes.set(press, Key.Fire);
    this.changes.set(press + 6, 0);
    return press + 6;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sendStep(): void {
    this.step++;
    const tick = this.room.state.tick ?? 0;
    const message: Record<string, unknown> = { upTo: this.step, seen: Math.max(0, tick - this.seenBehind) };
    const keys = this.changes.get(this.step);
    if (keys !== undefined) message.runs = [[this.step, keys]];
    if (this.echo !== undefined) message.echo = this.echo;
    this.echo = undefined;
    this.room.send(ClientMessage.Input, message);
  }
}

/** The room's per-step method, wrapped to run the range's script between two steps. */
interface SteppingRoom {
  tick(dt: number): void;
}

function place(room: AsteroidsRoom, id: string, at: { x: number; y: number }): void {
  const ship = findShip(room.world, id)!;
  Object.assign(ship, { ...at, angle: 0, vx: 0, vy: 0, alive: true, protection: 0, respawnIn: 0 });
}

interface RangeResult {
  hits: number;
  /** Each shot's rewind, and the bound the room's round trips set when it was fired (undefined before the fix). */
  shots: Array<{ rewind: number; bound: number | undefined }>;
}

/** TRIALS shots from a shooter that sends `seen` `seenBehind` steps behind; the target flies off before each unless `stays`. */
async function shootAtRange(seenBehind: number, stays: boolean, trials = TRIALS): Promise<RangeResult> {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 5, seats: 8 });
  const shooterRoom = (await server().connectTo(room, { name: "shooter" })) as unknown as Room<unknown, GameState>;
  const target = await server().connectTo(room, { name: "target" });
  const shooter = new ScriptedShooter(shooterRoom, seenBehind);
  const shooterId = shooterRoom.sessionId;
  const result: RangeResult = { hits: 0, shots: [] };
  const seenBullets = new Set<number>();
  const boundNow = () => (room as { roundTrips?: { boundOf(id: string): number } }).roundTrips?.boundOf(shooterId);
  let flyOffAt = Number.POSITIVE_INFINITY;
  const stepping = room as unknown as SteppingRoom;
  const step = stepping.tick.bind(room);
  stepping.tick = (dt: number) => {
    step(dt);
    for (const event of room.world.events)
      if (event.kind === "shipDestroyed" && event.killerId === shooterId && event.shipId === target.sessionId) result.hits++;
    for (const bullet of room.world.bullets) {
      if (bullet.owner !== shooterId || seenBullets.has(bullet.id)) continue;
      seenBullets.add(bullet.id);
      result.shots.push({ rewind: bullet.rewind, bound: boundNow() });
    }
    if (room.appliedSeqOf(shooterId) >= flyOffAt) {
      flyOffAt = Number.POSITIVE_INFINITY;
      place(room, target.sessionId, OFF_LINE);
    }
  };
  try {
    clearField(room);
    // The room runs past the cap first, and the shooter's round trips are measured (a probe a second).
    await sleep(3000);
    for (let trial = 0; trial < trials; trial++) {
      place(room, shooterId, SHOOTER);
      place(room, target.sessionId, IN_LINE);
      // Over a second in line: the whole rewind history holds the target there.
      await sleep(1200);
      const release = shooter.tapFire();
      if (!stays) flyOffAt = release - FLOWN_OFF_STEPS;
      expect(await waitFor(() => room.appliedSeqOf(shooterId) >= release + 2, 3000)).toBe(true);
      // The bullet's flight: 1.25 s at most.
      await waitFor(() => !room.world.bullets.some((bullet) => bullet.owner === shooterId), 2000);
    }
  } finally {
    shooter.stop();
  }
  return result;
}

test("a shooter lying that it saw the field 40 steps ago hits no more than an honest one: none, once the target flew off", async () => {
  const liar = await shootAtRange(LIE_STEPS, false);
  const honest = await shootAtRange(0, false);
  expect({ liarHits: liar.hits, honestHits: honest.hits }).toEqual({ liarHits: 0, honestHits: 0 });
  // The lie was held to the bound of the round trip the room measured when it fired (loopback: 13 steps on a
  // quiet machine, a few more when the machine is busy), under the 30-step cap it used to get.
  expect(liar.shots).toHaveLength(TRIALS);
  for (const { rewind, bound } of liar.shots) {
    expect(rewind).toBe(bound);
    expect(rewind).toBeLessThan(MAX_REWIND_TICKS);
  }
  // The honest shooter's own lag was not cut: under the bound.
  for (const { rewind, bound } of honest.shots) expect(rewind).toBeLessThan(bound!);
}, 60_000);

test("control: with the target staying in line, the honest shooter and the liar both hit every shot", async () => {
  const honest = await shootAtRange(0, true, 2);
  const liar = await shootAtRange(LIE_STEPS, true, 2);
  expect({ liarHits: liar.hits, honestHits: honest.hits }).toEqual({ liarHits: 2, honestHits: 2 });
}, 60_000);
