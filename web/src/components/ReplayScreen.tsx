import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from "react";
import "./replay.css";
import type { Recording } from "../../../shared/replay/recording";
import { REPLAYS_API } from "../../../shared/replay/replayListing";
import { SIMULATION_VERSION } from "../../../shared/sim/simulationVersion";
import { debugShips, publishDebugSnapshot } from "../debugSnapshot";
import { fetchRecording, recordingFrom, type LoadedRecording } from "../replay/loadRecording";
import { REPLAY_SPEEDS, ReplayPlayback } from "../replay/ReplayPlayback";
import { clockTime } from "../replay/replayFormat";
import { useReplayCanvas, type ReplayFrameInfo } from "../replay/useReplayCanvas";

export type ReplaySource = { id: string } | { bytes: Uint8Array; name: string };

/** How often the controls follow the playing replay, ms: the canvas runs every frame, the React tree need not. */
const CONTROLS_REFRESH_MS = 100;

/** The replay page: loads a recording (from the server or a file) and plays it with the shared simulation. */
export function ReplayScreen({ source, onExit }: { source: ReplaySource; onExit(): void }) {
  const [loaded, setLoaded] = useState<LoadedRecording | undefined>(() => ("bytes" in source ? recordingFrom(source.bytes) : undefined));
  useEffect(() => {
    if (!("id" in source)) return;
    let cancelled = false;
    void fetchRecording(source.id).then((result) => {
      if (!cancelled) setLoaded(result);
    });
    return () => {
      cancelled = true;
    };
  }, [source]);

  const title = "id" in source ? source.id : source.name;
  if (!loaded) return <ReplayMessage title={title} text="Loading the replay…" onExit={onExit} />;
  if ("error" in loaded)
    return <ReplayMessage title={title} text={`This replay cannot be played: ${loaded.error}`} onExit={onExit} error />;
  return <ReplayPlayer recording={loaded.recording} source={source} onExit={onExit} />;
}

function ReplayMessage({ title, text, onExit, error }: { title: string; text: string; onExit(): void; error?: boolean }) {
  useEffect(() => publishDebugSnapshot({ screen: "replay", replay: { error: error ? text : undefined } }), [text, error]);
  return (
    <main className="lobby">
      <h1>Replay {title}</h1>
      <p className={error ? "error" : "status"} role={error ? "alert" : undefined} data-testid="replay-message">
        {text}
      </p>
      <button type="button" onClick={onExit}>
        Back to the lobby
      </button>
    </main>
  );
}

function ReplayPlayer({ recording, source, onExit }: { recording: Recording; source: ReplaySource; onExit(): void }) {
  const playback = useMemo(() => new ReplayPlayback(recording), [recording]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [, setRefresh] = useState(0);
  const lastRefresh = useRef(0);
  const onFrame = useCallback(
    (info: ReplayFrameInfo) => {
      const { view } = info;
      publishDebugSnapshot({
        screen: "replay",
        replay: {
          tick: info.tick,
          endTick: playback.endTick,
          playing: playback.playing,
          speed: playback.speed,
          followed: playback.followed,
          checked: playback.replayer.checked,
          mismatches: playback.mismatches.length,
          simulation: { recorded: playback.replayer.recording.header.simulation, played: SIMULATION_VERSION },
        },
        ships: debugShips(info.ships),
        camera: { x: view.x, y: view.y, scale: view.scale, viewWidth: 2 * view.halfWidth, viewHeight: 2 * view.halfHeight },
      });
      const now = performance.now();
      if (now - lastRefresh.current >= CONTROLS_REFRESH_MS) {
        lastRefresh.current = now;
        setRefresh((n) => n + 1);
      }
    },
    [playback],
  );
  useReplayCanvas(canvasRef, playback, onFrame);
  const { header, problem, finished } = playback.replayer.recording;
  // Another version's rules make another match from the same inputs: that is said once, not reported as a divergence.
  const otherRules = header.simulation !== SIMULATION_VERSION;
  const mismatch = otherRules ? undefined : playback.mismatches[0];
  useEffect(() => {
    if (mismatch) console.error(`netroids replay: state hash mismatch at step ${mismatch.tick}`, mismatch);
  }, [mismatch]);

  const seconds = (tick: number) => tick / playback.tickRate;
  const ships = playback.ships();
  return (
    <main className="replay">
      <canvas
        ref={canvasRef}
        className="replay-canvas"
        data-testid="replay-canvas"
        title="Free camera: drag to move, wheel to zoom, double-click for the whole field"
        {...freeCameraControls(playback)}
      />
      {otherRules && (
        <p className="replay-mismatch" role="status" data-testid="replay-version">
          Recorded with simulation version {header.simulation}; this build plays version {SIMULATION_VERSION}. It re-runs the recorded
          inputs under this build&apos;s rules, so what follows is not the match as it was played.
        </p>
      )}
      {mismatch && (
        <p className="replay-mismatch" role="alert" data-testid="replay-mismatch">
          This replay does not match the recorded match: at step {mismatch.tick} the re-run&apos;s state hash is {mismatch.replayed}, the
          recording says {mismatch.recorded}. What follows is not what was played.
        </p>
      )}
      <div className="replay-controls">
        <button type="button" data-testid="replay-play" onClick={() => playback.setPlaying(!playback.playing)}>
          {playback.playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <input
          type="range"
          aria-label="Timeline"
          data-testid="replay-timeline"
          min={0}
          max={playback.endTick}
          value={playback.tick}
          onChange={(event) => playback.seek(Number(event.target.value))}
        />
        <span className="replay-time">
          {clockTime(seconds(playback.tick))} / {clockTime(seconds(playback.endTick))}
        </span>
        <select
          aria-label="Speed"
          data-testid="replay-speed"
          value={playback.speed}
          onChange={(event) => playback.setSpeed(Number(event.target.value))}
        >
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
        <select
          aria-label="Camera"
          data-testid="replay-follow"
          value={playback.followed ?? ""}
          onChange={(event) => playback.follow(event.target.value || undefined)}
        >
          <option value="">Free camera: the whole field</option>
          {ships.map((ship) => (
            <option key={ship.id} value={ship.id}>
              Follow {ship.name}
            </option>
          ))}
        </select>
        {"id" in source && (
          <a className="download" href={`${REPLAYS_API}/${encodeURIComponent(source.id)}?download`}>
            ⬇ Download
          </a>
        )}
        <button type="button" onClick={onExit}>
          Lobby
        </button>
      </div>
      <p className="replay-about">
        {header.roomName}, {new Date(header.startedAt).toLocaleString()}
        {!finished && !problem && " · the match was still on when this was loaded"}
        {problem && ` · ${problem}`}
      </p>
    </main>
  );
}

/** Pointer handlers that steer the free camera (ignored while a ship is followed). */
function freeCameraControls(playback: ReplayPlayback) {
  const camera = playback.freeCamera;
  const field = () => playback.replayer.recording.header;
  // Canvas px of a pointer event: pointer positions are in CSS px, the camera works in canvas px.
  const at = (event: { clientX: number; clientY: number; currentTarget: HTMLCanvasElement }) => {
    const canvas = event.currentTarget;
    const box = canvas.getBoundingClientRect();
    const k = canvas.width / Math.max(1, canvas.clientWidth);
    return { x: (event.clientX - box.left) * k, y: (event.clientY - box.top) * k, canvas };
  };
  return {
    onPointerDown: (event: PointerEvent<HTMLCanvasElement>) => {
      if (playback.followed !== undefined) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      const { x, y } = at(event);
      camera.press(x, y);
    },
    onPointerMove: (event: PointerEvent<HTMLCanvasElement>) => {
      const { x, y, canvas } = at(event);
      camera.moveTo(x, y, field(), canvas.width, canvas.height);
    },
    onPointerUp: () => camera.release(),
    onWheel: (event: WheelEvent<HTMLCanvasElement>) => {
      if (playback.followed !== undefined) return;
      const { x, y, canvas } = at(event);
      camera.zoomAt(event.deltaY < 0 ? 1.25 : 0.8, x, y, field(), canvas.width, canvas.height);
    },
    onDoubleClick: () => camera.reset(),
  };
}
