import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Lobby } from "./components/Lobby";
import { GameScreen } from "./components/GameScreen";
import type { ReplaySource } from "./components/ReplayScreen";
import { publishDebugSnapshot } from "./debugSnapshot";
import { createGameClient } from "./net/connection";
import { GameSession } from "../../client/GameSession";
import { parseLinkConditions } from "../../client/linkConditions";
import type { JoinedRoom } from "../../client/matchmaking";
import { forgetSeat, loadSeat, rejoinSeat, useKeptSeat, type HeldSeat } from "./net/seat";
import { loadProfile } from "./profile";

// The dashboard (with uPlot) and the replay page are chunks of their own, fetched when first shown:
// the lobby's first load does not carry them.
const Dashboard = lazy(() => import("./components/Dashboard").then(({ Dashboard }) => ({ default: Dashboard })));
const ReplayScreen = lazy(() => import("./components/ReplayScreen").then(({ ReplayScreen }) => ({ default: ReplayScreen })));

/** A page whose code may still be on its way. */
function OnDemand({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="status" data-testid="page-loading">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

export function App() {
  // The server dashboard is its own page; the server only serves it with --gui, behind its guard.
  if (window.location.pathname.startsWith("/dashboard")) {
    return (
      <OnDemand>
        <Dashboard />
      </OnDemand>
    );
  }
  if (window.location.pathname.startsWith(REPLAY_PATH)) return <ReplayRoute />;
  return <Game />;
}

const REPLAY_PATH = "/replay/";

/** /replay/:id: a recording from the server. */
function ReplayRoute() {
  const source = useMemo(() => ({ id: decodeURIComponent(window.location.pathname.slice(REPLAY_PATH.length)) }), []);
  return (
    <OnDemand>
      <ReplayScreen source={source} onExit={() => window.location.assign("/")} />
    </OnDemand>
  );
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
  if (openedReplay) {
    return (
      <OnDemand>
        <ReplayScreen source={openedReplay} onExit={() => setOpenedReplay(undefined)} />
      </OnDemand>
    );
  }
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
