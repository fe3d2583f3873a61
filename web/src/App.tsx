import { useEffect, useMemo, useState } from "react";
import { Dashboard } from "./components/Dashboard";
import { Lobby } from "./components/Lobby";
import { GameScreen } from "./components/GameScreen";
import { publishDebugSnapshot } from "./debugSnapshot";
import { createGameClient } from "./net/connection";
import { GameSession } from "../../engine/GameSession";
import { parseLinkConditions } from "../../engine/linkConditions";

export function App() {
  // The server dashboard is its own page; the server only serves it with --gui, behind its guard.
  if (window.location.pathname.startsWith("/dashboard")) return <Dashboard />;
  return <Game />;
}

function Game() {
  const client = useMemo(() => createGameClient(), []);
  const [session, setSession] = useState<GameSession | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    if (!session) publishDebugSnapshot({ screen: "lobby" });
  }, [session]);

  if (session) {
    return (
      <GameScreen
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
        // ?latency=150&jitter=20&spikes=0.01 in the page URL simulates a slow network.
        setSession(new GameSession(room, roomName, parseLinkConditions(window.location.search)));
      }}
    />
  );
}
