import { REPLAYS_API, replayPagePath, type ReplayListing } from "../../../shared/replay/replayListing";
import "./replay.css";
import { byteSize, clockTime } from "../replay/replayFormat";

/** Replays shown in the lobby: the newest few. */
const SHOWN = 6;

interface RecentReplaysProps {
  replays: readonly ReplayListing[];
  /** The player opened a recording file; no file input without it. */
  onOpenFile?(bytes: Uint8Array, name: string): void;
  limit?: number;
}

/** The newest recordings with links to watch or download them, and a way to open a downloaded one. */
export function RecentReplays({ replays, onOpenFile, limit = SHOWN }: RecentReplaysProps) {
  return (
    <section className="panel replays" data-testid="replays">
      <h2>Replays</h2>
      <ul>
        {replays.slice(0, limit).map((replay) => {
          const started = new Date(replay.startedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          const label = `${replay.roomName} · ${started} · ${clockTime((replay.updatedAt - replay.startedAt) / 1000)}`;
          // A match still on is not served: its recording would show every ship's position.
          if (replay.recording)
            return (
              <li key={replay.id} data-testid="replay-item" className="live">
                <span>{label} · live</span> <span className="download">opens when the match ends</span>
              </li>
            );
          return (
            <li key={replay.id} data-testid="replay-item">
              <a href={replayPagePath(replay.id)}>{label}</a>{" "}
              <a
                className="download"
                href={`${REPLAYS_API}/${encodeURIComponent(replay.id)}?download`}
                title={`Download (${byteSize(replay.bytes)})`}
              >
                ⬇ {byteSize(replay.bytes)}
              </a>
            </li>
          );
        })}
        {replays.length === 0 && <li className="empty">No recordings yet: every match is recorded.</li>}
      </ul>
      {onOpenFile && (
        <label className="open-file">
          Open a replay file…
          <input
            type="file"
            accept=".ntr"
            data-testid="replay-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.arrayBuffer().then((buffer) => onOpenFile(new Uint8Array(buffer), file.name));
            }}
          />
        </label>
      )}
    </section>
  );
}
