import { useEffect, useMemo, useState } from "react";
import type uPlot from "uplot";
import { DashboardFeed, type DashboardSnapshot } from "../dashboard/DashboardFeed";
import { TICK_MS, TICK_RATE } from "../../../shared/constants";
import type { LoadWindow } from "../../../shared/dashboard/dashboardApi";
import { STACK_LAYERS, stackedTickTime, trafficSeries } from "../dashboard/loadSeries";
import { byteSize } from "../replay/replayFormat";
import { useReplayList } from "../replay/useReplayList";
import { RecentReplays } from "./RecentReplays";
import { SpectatorCanvas } from "./SpectatorCanvas";
import { UPlotChart } from "./UPlotChart";

const LAYER_COLORS: Record<(typeof STACK_LAYERS)[number], string> = {
  messages: "#e69f00",
  simulation: "#0072b2",
  network: "#009e73",
  other: "#cc79a7",
  idle: "#3a3f4b",
};

/** Top layer first: each series fills down to zero, so the lower layers paint over the upper ones. */
const TICK_OPTIONS: Omit<uPlot.Options, "width" | "height"> = {
  title: `Tick time, ms per ${TICK_RATE} Hz tick`,
  scales: { y: { range: [0, TICK_MS * 1.1] } },
  series: [
    {},
    ...[...STACK_LAYERS].reverse().map((layer) => ({ label: layer, stroke: LAYER_COLORS[layer], fill: LAYER_COLORS[layer], width: 1 })),
    { label: `${TICK_RATE} Hz budget`, stroke: "#ff5252", dash: [6, 4], width: 1 },
  ],
  axes: [{ stroke: "#aab" }, { stroke: "#aab" }],
};

const TRAFFIC_OPTIONS: Omit<uPlot.Options, "width" | "height"> = {
  title: "Traffic per second",
  scales: { kb: {} },
  series: [
    {},
    { label: "messages in", stroke: "#56b4e9" },
    { label: "messages out", stroke: "#e69f00" },
    { label: "KB in", stroke: "#009e73", scale: "kb" },
    { label: "KB out", stroke: "#cc79a7", scale: "kb" },
  ],
  axes: [{ stroke: "#aab" }, { stroke: "#aab" }, { side: 1, scale: "kb", stroke: "#aab" }],
};

/** Scores listed beside the spectator view: the leaders, not a hundred lines. */
const SCORES_SHOWN = 20;

function Card({ label, value }: { label: string; value: string }) {
  return (
    <div className="card">
      <div className="card-value">{value}</div>
      <div className="card-label">{label}</div>
    </div>
  );
}

/** No samples yet: one array for every render, so the charts are not recomputed while the stats are missing. */
const NO_LOAD: LoadWindow[] = [];

/** The server dashboard: live numbers and charts from /dashboard/api, a room list, and a spectator view. */
export function Dashboard() {
  const feed = useMemo(() => new DashboardFeed(), []);
  const [snapshot, setSnapshot] = useState<DashboardSnapshot>({ stats: undefined, rooms: [], world: undefined, error: undefined });
  const [watched, setWatched] = useState<string | undefined>();
  const replays = useReplayList();

  useEffect(() => {
    const unsubscribe = feed.subscribe(setSnapshot);
    feed.start();
    return () => {
      unsubscribe();
      feed.stop();
    };
  }, [feed]);

  const load = snapshot.stats?.load ?? NO_LOAD;
  const tickData = useMemo(() => {
    const stacked = stackedTickTime(load);
    // uPlot draws the top of the stack first (see TICK_OPTIONS), then the budget line.
    return [stacked[0]!, ...stacked.slice(1).reverse(), load.map(() => TICK_MS)] as uPlot.AlignedData;
  }, [load]);
  const trafficData = useMemo(() => trafficSeries(load) as uPlot.AlignedData, [load]);
  useEffect(() => {
    (window as unknown as { __netroidsDashboard?: object }).__netroidsDashboard = {
      points: load.length,
      rooms: snapshot.rooms.length,
      spectatedShips: snapshot.world?.ships.length ?? 0,
      error: snapshot.error,
    };
  }, [load, snapshot]);

  const stats = snapshot.stats;
  const latest = load[load.length - 1];
  const dropped = stats ? Object.values(stats.dropped).reduce((sum, count) => sum + count, 0) : 0;
  const rtt = stats?.rttMs;
  return (
    <div className="dashboard">
      <header>
        <h1>netroids server</h1>
        {snapshot.error && <span className="notice">{snapshot.error}</span>}
      </header>
      <section className="cards">
        <Card label="CCU" value={String(stats?.ccu ?? "–")} />
        <Card label="rooms" value={String(stats?.rooms ?? "–")} />
        <Card label="joins / leaves" value={stats ? `${stats.joins} / ${stats.leaves}` : "–"} />
        <Card label="ticks/s, all rooms" value={latest ? latest.ticksPerSecond.toFixed(1) : "–"} />
        <Card label="idle" value={latest ? `${(latest.idle * 100).toFixed(0)} %` : "–"} />
        <Card label="RTT p50 / p90 / p99" value={rtt ? `${rtt.p50.toFixed(0)} / ${rtt.p90.toFixed(0)} / ${rtt.p99.toFixed(0)} ms` : "–"} />
        <Card label="dropped messages" value={String(dropped)} />
      </section>
      <UPlotChart options={TICK_OPTIONS} data={tickData} height={240} />
      <UPlotChart options={TRAFFIC_OPTIONS} data={trafficData} height={200} />
      <section className="rooms">
        <h2>Rooms</h2>
        <ul>
          {snapshot.rooms.map((room) => (
            <li key={room.roomId}>
              <button
                className={room.roomId === watched ? "selected" : undefined}
                onClick={() => {
                  setWatched(room.roomId);
                  feed.watch(room.roomId);
                }}
              >
                {room.roomName} · {room.players} players
              </button>
            </li>
          ))}
          {snapshot.rooms.length === 0 && <li className="empty">No game rooms open.</li>}
        </ul>
        {snapshot.world && (
          <div className="spectate">
            <SpectatorCanvas world={snapshot.world} />
            {snapshot.world.recordingBytes !== undefined && (
              <p className="recording" data-testid="recording-size">
                recording: {byteSize(snapshot.world.recordingBytes)}
              </p>
            )}
            <ol className="scores">
              {[...snapshot.world.ships]
                .sort((a, b) => b.score - a.score)
                .slice(0, SCORES_SHOWN)
                .map((ship) => (
                  <li key={ship.id} style={{ color: ship.color }}>
                    {ship.name} {ship.score}
                  </li>
                ))}
              {snapshot.world.ships.length > SCORES_SHOWN && (
                <li className="more">and {snapshot.world.ships.length - SCORES_SHOWN} more</li>
              )}
            </ol>
          </div>
        )}
      </section>
      <RecentReplays replays={replays} limit={20} />
    </div>
  );
}
