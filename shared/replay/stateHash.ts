/**
 * A 32-bit hash of everything in a world that the next steps depend on: the clock, the
 * PRNG, the counters, and every ship, bullet and rock, exact to the last bit of each
 * float. Recordings carry it every second, and a replay that computes another at the
 * same step has diverged. (The pose history is left out: it is what the ships were, and a
 * divergence there shows in the ships' hashes soon after.)
 */
import type { World } from "../sim/world";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

class Hasher {
  value = FNV_OFFSET;

  word(word: number): void {
    this.value = Math.imul(this.value ^ word, FNV_PRIME) >>> 0;
  }

  number(value: number): void {
    float[0] = value;
    this.word(words[0]!);
    this.word(words[1]!);
  }

  text(value: string): void {
    this.word(value.length);
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
  }
}

/** The world's hash as 8 hex digits. */
export function stateHash(world: World): string {
  const h = new Hasher();
  h.number(world.tick);
  h.number(world.rngState);
  h.number(world.nextId);
  h.number(world.refillIn);
  h.number(world.ships.length);
  for (const ship of world.ships) {
    h.text(ship.id);
    for (const value of [ship.x, ship.y, ship.vx, ship.vy, ship.angle, ship.charge, ship.cooldown, ship.respawnIn, ship.protection])
      h.number(value);
    h.number(ship.score);
    h.number(ship.keys);
    h.number((ship.alive ? 1 : 0) + (ship.charging ? 2 : 0));
  }
  h.number(world.bullets.length);
  for (const bullet of world.bullets) {
    h.number(bullet.id);
    h.text(bullet.owner);
    for (const value of [bullet.x, bullet.y, bullet.vx, bullet.vy, bullet.radius, bullet.life, bullet.rewind]) h.number(value);
  }
  h.number(world.asteroids.length);
  for (const rock of world.asteroids) {
    for (const value of [rock.id, rock.size, rock.x, rock.y, rock.vx, rock.vy, rock.angle, rock.spin]) h.number(value);
  }
  return h.value.toString(16).padStart(8, "0");
}
