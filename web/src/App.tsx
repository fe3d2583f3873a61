import { useEffect, useMemo, useState } from "react";
import { Lobby } from "./components/Lobby";
import { GameView } from "./components/GameView";
import { publishDebugView } from "./debugView";
import { createGameClient } from "./net/connection";
import { GameSession } from "./net/GameSession";

export function App() {
  const client = useMemo(createGameClient, []);
  const [session, setSession] = useState<GameSession | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    if (!session) publishDebugView({ screen: "lobby" });
  }, [session]);

  if (session) {
    return (
      <GameView
        session={session}
        onExit={(reason) => {
          void session.leave().catch(() => undefined);
          setNotice(reason);
          setSession(undefined);
        }}
      />
    );
  }
  return (
    <Lobby
      client={client}
      notice={notice}
      onJoined={({ room, roomName }) => {
        setNotice(undefined);
        setSession(new GameSession(room, roomName));
      }}
    />
  );
}
