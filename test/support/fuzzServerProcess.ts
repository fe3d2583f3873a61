/**
 * The fuzz test's handle on its server process (test/support/fuzzServer.ts): start and
 * stop it, scrape its /metrics, and ask it over IPC to collect garbage or to report a
 * room's message accounting.
 */
import path from "node:path";
import { spawnTsx, type TsxChild } from "../../bench/load/processes";
import { parsePromText, type PromSample } from "../../server/metrics/promText";
import type { ClientMessageStats, DropReason } from "../../server/rooms/MessageGuard";

export interface RoomAccounting {
  /** Connected clients and ships in the room. */
  clients: number;
  ships: number;
  /** MessageGuard's totals since the room was created, clients that left included. */
  accepted: number;
  dropped: Record<DropReason, number>;
  /** Per-client accounting of the session ids asked about (null once a client has left). */
  players: Record<string, ClientMessageStats | null>;
}

export type FuzzServerRequest = { id: number; kind: "gc" } | { id: number; kind: "room"; roomId: string; sessionIds: string[] };
export interface FuzzServerReply {
  id: number;
  error?: string;
  room?: RoomAccounting;
}

const STARTUP_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 10_000;

export class FuzzServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: FuzzServerReply) => void>();

  private constructor(
    private readonly child: TsxChild,
    readonly port: number,
  ) {
    child.process.on("message", (reply: FuzzServerReply) => this.waiting.get(reply.id)?.(reply));
  }

  static async start(): Promise<FuzzServerProcess> {
    const child = spawnTsx(path.resolve(__dirname, "fuzzServer.ts"), [], ["--expose-gc"]);
    try {
      const [, port] = await child.waitForLine(/^PORT (\d+)$/, STARTUP_TIMEOUT_MS);
      return new FuzzServerProcess(child, Number(port));
    } catch (error) {
      await child.stop();
      throw error;
    }
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** True while the server process has not exited. */
  get running(): boolean {
    return this.child.process.exitCode === null && this.child.process.signalCode === null;
  }

  async metrics(): Promise<PromSample[]> {
    const response = await fetch(`${this.endpoint}/metrics`);
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    return parsePromText(await response.text());
  }

  async collectGarbage(): Promise<void> {
    await this.request({ kind: "gc" });
  }

  async roomAccounting(roomId: string, sessionIds: string[]): Promise<RoomAccounting> {
    const reply = await this.request({ kind: "room", roomId, sessionIds });
    if (!reply.room) throw new Error(`the server has no room ${roomId}`);
    return reply.room;
  }

  async stop(): Promise<void> {
    await this.child.stop();
  }

  private request(request: { kind: "gc" } | { kind: "room"; roomId: string; sessionIds: string[] }): Promise<FuzzServerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish({ id, error: `no reply to ${request.kind} within ${REPLY_TIMEOUT_MS} ms` }), REPLY_TIMEOUT_MS);
      const finish = (reply: FuzzServerReply): void => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      };
      this.waiting.set(id, finish);
      this.child.process.send({ ...request, id } as FuzzServerRequest);
    });
  }
}
