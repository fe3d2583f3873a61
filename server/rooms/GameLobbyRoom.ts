/**
 * Colyseus's lobby with the game room's defences. Its `filter` message costs a client a
 * few bytes and the server a reply listing every room, so unchecked it amplified one
 * client's flood into megabytes queued. Here filters are validated (anything else is
 * dropped and counted "malformed"), other message types are dropped and counted
 * "unknown", and every message goes through a MessageGuard with lobby-sized limits: a
 * handful per second is answered, past that they are dropped, and a flood closes the
 * client with ServerCloseCode.Flood. The lobby's room tracking and its replies stay LobbyRoom's.
 */
import { LobbyRoom, ServerError, type Client } from "@colyseus/core";
import { serverMetrics } from "../metrics/ServerMetrics";
import { admitMessage } from "./admitMessage";
import { MessageGuard } from "./MessageGuard";

/** Filters a client may send per second: our web client sends none; a UI refining a search sends a few. */
const LOBBY_SOFT_LIMIT = 5;
/** Lobby messages in one second that mean a flood: the client is closed. */
const LOBBY_FLOOD_LIMIT = 20;
/**
 * Colyseus's own limit on every frame, pings included: it closes without saying why
 * (WITH_ERROR), so it sits above LOBBY_FLOOD_LIMIT and only catches what the guard does
 * not see, like a flood of pings or what arrives while a flooder's socket closes.
 */
const LOBBY_MAX_MESSAGES_PER_SECOND = 40;

/** Bounds of a filter: room type names are short ("asteroids"), and a filter names a few listing fields. */
const MAX_NAME_LENGTH = 64;
const MAX_METADATA_FIELDS = 8;
const MAX_FIELD_NAME_LENGTH = 32;
const MAX_STRING_VALUE_LENGTH = 64;

type FilterValue = string | number | boolean;

/** What LobbyRoom matches listings against: the room type's name and equal metadata fields. */
interface LobbyFilter {
  name?: string;
  metadata?: Record<string, FilterValue>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isFilterValue(value: unknown): value is FilterValue {
  if (typeof value === "string") return value.length <= MAX_STRING_VALUE_LENGTH;
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "boolean";
}

/** A fresh copy of `value` if it is a valid filter, else undefined: nothing of the client's object is kept. */
function parseLobbyFilter(value: unknown): LobbyFilter | undefined {
  if (!isPlainObject(value)) return undefined;
  const { name, metadata, ...rest } = value;
  if (Object.keys(rest).length > 0) return undefined;
  const filter: LobbyFilter = {};
  if (name !== undefined) {
    if (typeof name !== "string" || name.length > MAX_NAME_LENGTH) return undefined;
    filter.name = name;
  }
  if (metadata !== undefined) {
    if (!isPlainObject(metadata)) return undefined;
    const fields = Object.entries(metadata);
    if (fields.length > MAX_METADATA_FIELDS) return undefined;
    const copy: Record<string, FilterValue> = {};
    for (const [field, fieldValue] of fields) {
      if (field.length > MAX_FIELD_NAME_LENGTH || !isFilterValue(fieldValue)) return undefined;
      // defineProperty: a field named "__proto__" stays a plain field instead of replacing the prototype.
      Object.defineProperty(copy, field, { value: fieldValue, enumerable: true, writable: true, configurable: true });
    }
    filter.metadata = copy;
  }
  return filter;
}

export class GameLobbyRoom extends LobbyRoom {
  override maxMessagesPerSecond = LOBBY_MAX_MESSAGES_PER_SECOND;
  readonly guard = new MessageGuard((reason) => serverMetrics.countDropped(reason), LOBBY_SOFT_LIMIT, LOBBY_FLOOD_LIMIT);

  /** A filter given at join goes through the same check: malformed join options get a clear 400. */
  static override async onAuth(_token: string, options: unknown): Promise<true> {
    if (options === undefined || options === null) return true;
    if (typeof options !== "object") throw new ServerError(400, "lobby options must be an object");
    const { filter } = options as { filter?: unknown };
    if (filter !== undefined && !parseLobbyFilter(filter)) throw new ServerError(400, "malformed lobby filter");
    return true;
  }

  /**
   * LobbyRoom registers its own `filter` handler, which stores and answers any payload.
   * Registering another would add to it, not replace it (Colyseus keeps a list of handlers
   * per type), so the base's registration is refused here and ours is made with
   * super.onMessage.
   */
  override onMessage(messageType: string | number, ...handler: unknown[]): () => void {
    if (messageType === "filter") return () => undefined;
    return (super.onMessage as (type: string | number, ...rest: unknown[]) => () => void)(messageType, ...handler);
  }

  override async onCreate(options: unknown): Promise<void> {
    super.onMessage("filter", (client: Client, payload: unknown) => this.receiveFilter(client, payload));
    super.onMessage("*", (client: Client) => {
      if (this.admit(client)) this.guard.drop(client.sessionId, "unknown");
    });
    await super.onCreate(options);
  }

  override onJoin(client: Client, options: { filter?: unknown } | undefined): void {
    // onAuth has checked it; only our own copy is kept.
    super.onJoin(client, { filter: parseLobbyFilter(options?.filter) });
  }

  override onLeave(client: Client): void {
    super.onLeave(client);
    this.guard.forget(client.sessionId);
  }

  /** LobbyRoom's own handler, after the checks: keep the client's filter and answer with the matching rooms. */
  private receiveFilter(client: Client, payload: unknown): void {
    if (!this.admit(client)) return;
    const filter = parseLobbyFilter(payload);
    if (!filter) return this.guard.drop(client.sessionId, "malformed");
    const clientOptions = this.clientOptions[client.sessionId];
    // Gone already (it left while this message was on its way): too late to apply.
    if (!clientOptions) return this.guard.drop(client.sessionId, "stale");
    this.guard.accept(client.sessionId);
    clientOptions.filter = filter;
    client.send("rooms", this.filterItemsForClient(clientOptions));
  }

  /** Rate accounting for every lobby message; false when the message must be ignored. */
  private admit(client: Client): boolean {
    return admitMessage(this.guard, client, this.clock.currentTime, "flood: too many lobby messages per second");
  }
}
