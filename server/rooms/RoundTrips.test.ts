/** The round trips a room measures itself, and the rewind they allow a shot (RoundTrips). */
import { MAX_REWIND_TICKS, TICK_MS } from "../../shared/constants";
import { REWIND_TOLERANCE_MS, ROUND_TRIP_PROBE_INTERVAL_MS } from "../../shared/net/netConstants";
import { rewindBoundTicks, RoundTrips } from "./RoundTrips";

/** A room's clock, the ship states it probes, and one client in it. */
function setUp() {
  let now = 1000;
  const trips = new RoundTrips(() => now);
  const ship = { probe: 0 };
  const ships = new Map([["p", ship]]);
  trips.add("p");
  return {
    trips,
    ship,
    ships,
    advance: (ms: number) => {
      now += ms;
    },
    /** A probe goes out with a patch, and comes back `rttMs` later. */
    roundTrip(rttMs: number): boolean {
      trips.probe(ships);
      now += rttMs;
      const counted = trips.echo("p", ship.probe);
      now += ROUND_TRIP_PROBE_INTERVAL_MS - rttMs;
      return counted;
    },
  };
}

test("the bound is the slowest round trip, the interpolation delay its spread implies, and the tolerance, in whole steps", () => {
  // No echo yet: a zero round trip, the base interpolation delay (100 ms) and the tolerance (100 ms): 12 steps.
  expect(rewindBoundTicks([])).toBe(Math.ceil((100 + REWIND_TOLERANCE_MS) / TICK_MS));
  expect(rewindBoundTicks([])).toBe(12);
  // Loopback: 2 ms.
  expect(rewindBoundTicks([2, 1, 2])).toBe(13);
  // 150 ± 40 ms: the slowest (190), 100 + 40 of interpolation, 100 of tolerance: 430 ms, 26 steps.
  expect(rewindBoundTicks([150, 110, 190, 140])).toBe(26);
  // Never past the cap, however slow.
  expect(rewindBoundTicks([900])).toBe(MAX_REWIND_TICKS);
});

test("a probe is echoed once: the right number times the round trip, any other number nothing", () => {
  const { trips, ship, ships, advance } = setUp();
  trips.probe(ships);
  expect(ship.probe).toBeGreaterThan(0);
  advance(40);
  expect(trips.echo("p", ship.probe + 1)).toBe(false);
  expect(trips.echo("p", ship.probe)).toBe(true);
  expect(trips.echo("p", ship.probe)).toBe(false); // a replayed echo
  expect(trips.samplesOf("p")).toEqual([40]);
  // Not due again for a second: the next patch carries the same number.
  const first = ship.probe;
  advance(500);
  trips.probe(ships);
  expect(ship.probe).toBe(first);
  advance(500);
  trips.probe(ships);
  expect(ship.probe).not.toBe(first);
});

test("the bound follows the measured round trip: a slow link keeps its rewind, a fast one is held to its own", () => {
  const slow = setUp();
  for (let i = 0; i < 5; i++) expect(slow.roundTrip(300)).toBe(true);
  expect(slow.trips.boundOf("p")).toBe(MAX_REWIND_TICKS); // 300 + 100 + 100 ms: past the cap
  const fast = setUp();
  for (let i = 0; i < 5; i++) fast.roundTrip(2);
  expect(fast.trips.boundOf("p")).toBe(13);
  // A claimed lag of 40 steps is held to the bound; an honest 9 passes as it is.
  expect(fast.trips.bound({ p: 40 })).toEqual({ p: 13 });
  expect(fast.trips.bound({ p: 9 })).toEqual({ p: 9 });
  // Only the last five count: the slow start is forgotten once the link is fast.
  const mixed = setUp();
  mixed.roundTrip(300);
  for (let i = 0; i < 5; i++) mixed.roundTrip(2);
  expect(mixed.trips.boundOf("p")).toBe(13);
});

test("a client that never echoes, or has no ship yet, is held to the bound of a zero round trip", () => {
  const { trips, ships, advance } = setUp();
  trips.add("ghost"); // no ship in the state: nothing to probe
  trips.probe(ships);
  advance(5000);
  expect(trips.boundOf("p")).toBe(12);
  expect(trips.boundOf("ghost")).toBe(12);
  expect(trips.bound({ p: 30, ghost: 30 })).toEqual({ p: 12, ghost: 12 });
  trips.forget("p");
  expect(trips.samplesOf("p")).toEqual([]);
});
