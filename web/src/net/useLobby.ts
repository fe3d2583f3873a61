import type { Client } from "@colyseus/sdk";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { LobbyConnection, type LobbySnapshot } from "../../../client/LobbyConnection";

/** Subscribes a component to the live room list while it is mounted. */
export function useLobby(client: Client): LobbySnapshot & { retryNow(): void } {
  const connection = useMemo(() => new LobbyConnection(client), [client]);
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  return { ...snapshot, retryNow: () => connection.retryNow() };
}
