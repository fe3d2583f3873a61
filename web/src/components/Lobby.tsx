import type { Client } from "@colyseus/sdk";
import { useEffect, useState } from "react";
import { DEFAULT_SEATS, NAME_MAX_LENGTH, ROOM_NAME_MAX_LENGTH } from "../../../shared/constants";
import { screensPerSide } from "../../../shared/sim/worldSize";
import { colorName, PALETTE } from "../../../shared/net/palette";
import { createNamedRoom, describeJoinError, joinListedRoom, quickPlay, type JoinedRoom } from "../../../client/matchmaking";
import { useLobby } from "../net/useLobby";
import { loadProfile, saveProfile, type Profile } from "../profile";
import { useReplayList } from "../replay/useReplayList";
import { RecentReplays } from "./RecentReplays";
import { RoomList } from "./RoomList";
import { useDelayedFlag } from "./useDelayedFlag";

/** How long the lobby may take to connect before it says it is connecting, ms. */
const CONNECTING_NOTICE_DELAY_MS = 600;

/** Room sizes a creator can pick: the field grows with the seats (one screen at 8). */
const ROOM_SIZES = [8, 32, DEFAULT_SEATS] as const;

interface LobbyProps {
  client: Client;
  onJoined(joined: JoinedRoom): void;
  /** Shown on arrival, e.g. why the last game ended. */
  notice?: string;
  /** The player opened a recording from a file. */
  onOpenReplay(bytes: Uint8Array, name: string): void;
}

export function Lobby({ client, onJoined, notice, onOpenReplay }: LobbyProps) {
  const { rooms, status, retryNow } = useLobby(client);
  const replays = useReplayList();
  const [profile, setProfile] = useState<Profile>(loadProfile);
  const [newRoomName, setNewRoomName] = useState("");
  const [seats, setSeats] = useState<number>(DEFAULT_SEATS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(notice);

  useEffect(() => saveProfile(profile), [profile]);
  // The lobby reconnects on every return from a game, in a moment: say so only when it takes a while.
  const slowToConnect = useDelayedFlag(status.kind === "connecting", CONNECTING_NOTICE_DELAY_MS);

  const enter = async (join: () => Promise<JoinedRoom>) => {
    setBusy(true);
    setError(undefined);
    try {
      onJoined(await join());
    } catch (caught) {
      setError(describeJoinError(caught));
      setBusy(false);
    }
  };
  const options = { name: profile.name.trim() || undefined, color: profile.color };

  return (
    <main className="lobby">
      <h1>netroids</h1>
      <section className="panel pilot">
        <label>
          Name
          <input
            data-testid="name"
            value={profile.name}
            maxLength={NAME_MAX_LENGTH}
            placeholder="pilot"
            onChange={(event) => setProfile({ ...profile, name: event.target.value })}
          />
        </label>
        <div className="swatches" role="radiogroup" aria-label="Ship color">
          {PALETTE.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={profile.color === color}
              aria-label={colorName(color)}
              title={colorName(color)}
              className={profile.color === color ? "swatch chosen" : "swatch"}
              style={{ background: color }}
              onClick={() => setProfile({ ...profile, color })}
            />
          ))}
        </div>
        <button
          type="button"
          className="primary"
          data-testid="quick-play"
          disabled={busy}
          onClick={() => void enter(() => quickPlay(client, rooms, options))}
        >
          Quick play
        </button>
      </section>

      <section className="panel create">
        <input
          aria-label="Room name"
          data-testid="room-name"
          value={newRoomName}
          maxLength={ROOM_NAME_MAX_LENGTH}
          placeholder="room name"
          onChange={(event) => setNewRoomName(event.target.value)}
        />
        <select aria-label="Room size" data-testid="room-seats" value={seats} onChange={(event) => setSeats(Number(event.target.value))}>
          {ROOM_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} seats · {screensPerSide(size)}×{screensPerSide(size)} screens
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="create-room"
          disabled={busy}
          onClick={() => void enter(() => createNamedRoom(client, { ...options, roomName: newRoomName.trim() || undefined, seats }))}
        >
          Create room
        </button>
      </section>

      {error && (
        <p className="error" role="alert" data-testid="lobby-error">
          {error}
        </p>
      )}
      {status.kind === "offline" && (
        <p className="error" role="alert" data-testid="lobby-offline">
          Server unreachable ({status.error}). Retrying automatically…{" "}
          <button type="button" onClick={retryNow}>
            Retry now
          </button>
        </p>
      )}
      {status.kind === "connecting" && slowToConnect && (
        <p className="status" data-testid="lobby-connecting">
          Connecting to the server…
        </p>
      )}

      {status.kind === "online" && (
        <RoomList rooms={rooms} disabled={busy} onJoin={(room) => void enter(() => joinListedRoom(client, room, options))} />
      )}
      <RecentReplays replays={replays} onOpenFile={onOpenReplay} />
    </main>
  );
}
