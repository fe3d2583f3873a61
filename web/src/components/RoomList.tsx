import { useEffect, useState } from "react";
import type { ListedRoom } from "../../../client/LobbyConnection";

interface RoomListProps {
  rooms: ListedRoom[];
  disabled: boolean;
  onJoin(room: ListedRoom): void;
}

/** How often room ages are re-rendered, ms. */
const AGE_REFRESH_MS = 5000;

function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "new";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function RoomList({ rooms, disabled, onJoin }: RoomListProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), AGE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  if (rooms.length === 0)
    return (
      <p className="status" data-testid="no-rooms">
        No rooms yet: quick play or create one.
      </p>
    );
  return (
    <table className="rooms" data-testid="room-list">
      <thead>
        <tr>
          <th>Room</th>
          <th>Players</th>
          <th>Age</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rooms.map((room) => {
          const full = room.players >= room.maxClients;
          return (
            <tr key={room.roomId} data-room-id={room.roomId} data-room-name={room.roomName}>
              <td>{room.roomName}</td>
              <td>
                {room.players}/{room.maxClients}
              </td>
              <td>{formatAge(now - room.createdAt)}</td>
              <td>
                <button type="button" disabled={disabled || full} onClick={() => onJoin(room)}>
                  {full ? "Full" : "Join"}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
