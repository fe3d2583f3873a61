import { useEffect, useMemo, useRef, useState } from "react";
import { Dashboard } from "./components/Dashboard";
import { Lobby } from "./components/Lobby";
import { GameScreen } from "./components/GameScreen";
import { ReplayScreen, type ReplaySource } from "./components/ReplayScreen";
import { publishDebugSnapshot } from "./debugSnapshot";
import { createGameClient } from "./net/connection";
import { GameSession } from "../../client/GameSession";
import { parseLinkConditions } from "../../client/linkConditions";
import type { JoinedRoom } from "../../client/matchmaking";
import { forgetSeat, loadSeat, rejoinSeat, useKeptSeat, type HeldSeat } from "./net/seat";
import { loadProfile } from "./profile";

export function App() {
  // The server dashboard is its own page; the server only serves it with --gui, behind its guard.
  if (window.location.pathname.startsWith("/dashboard")) return <Dashboard />;
  if (window.location.pathname.startsWith(REPLAY_PATH)) return <ReplayRoute />;
  return <Game />;
}

const REPLAY_PATH = "/replay/";

/** /replay/:id: a recording from the server. */
function ReplayRoute() {
  const source = useMemo(() => ({ id: decodeURIComponent(window.location.pathname.slice(REPLAY_PATH.length)) }), []);
  return <ReplayScreen source={source} onExit={() => window.location.assign("/")} />;
}

function Game() {
  const client = useMemo(() => createGameClient(), []);
  const [session, setSession] = useState<GameSession | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  // A recording the player opened from a file, played in place of the lobby.
  const [openedReplay, setOpenedReplay] = useState<ReplaySource | undefined>();
  // A seat this tab kept (a reload mid-game): taken back before the lobby shows.
  const [rejoining, setRejoining] = useState<HeldSeat | undefined>(loadSeat);
  useKeptSeat(session);

  const play = ({ room, roomName }: JoinedRoom) => {
    setNotice(undefined);
    // ?latency=150&jitter=20&spikes=0.01 in the page URL simulates a slow network.
    setSession(new GameSession(room, roomName, parseLinkConditions(window.location.search)));
  };

  // One join for the seat, even when StrictMode runs the effect twice: a second would find the token spent.
  const rejoin = useRef<Promise<JoinedRoom> | undefined>(undefined);
  useEffect(() => {
    if (!rejoining) return;
    let cancelled = false;
    const profile = loadProfile();
    rejoin.current ??= rejoinSeat(client, rejoining, { name: profile.name.trim() || undefined, color: profile.color });
    rejoin.current
      .then((joined) => {
        if (!cancelled) play(joined);
      })
      .catch(() => {
        forgetSeat();
        if (!cancelled) setNotice(`"${rejoining.roomName}" has ended or is full. Pick a room.`);
      })
      .finally(() => {
        if (!cancelled) setRejoining(undefined);
      });
    return () => {
      cancelled = true;
    };
  }, [client, rejoining]);

  useEffect(() => {
    if (!session) publishDebugSnapshot({ screen: "lobby" });
  }, [session]);

  if (session) {
    return (
      <GameScreen
        session={session}
        onExit={(reason) => {
          forgetSeat();
          void session.leave().catch(() => undefined);
          setNotice(reason);
          setSession(undefined);
        }}
      />
    );
  }
  if (openedReplay) return <ReplayScreen source={openedReplay} onExit={() => setOpenedReplay(undefined)} />;
  if (rejoining) {
    return (
      <main className="lobby">
        <p className="status" data-testid="rejoining">
          Rejoining {rejoining.roomName}…
        </p>
      </main>
    );
  }
  return <Lobby client={client} notice={notice} onJoined={play} onOpenReplay={(bytes, name) => setOpenedReplay({ bytes, name })} />;
}
