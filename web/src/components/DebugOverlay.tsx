/**
 * The netcode debug overlay (F3 or `): the session's network statistics, switches for the
 * three netcode techniques so a player can feel what each one does, and the network
 * simulator. It reads and dispatches only; the measuring is GameSession's and RoomLink's.
 *
 * Focus matters here: keyboard.ts ignores keys aimed at an input element, so every control
 * gives the focus back to the page once it has done its job, or the arrows would stop
 * flying the ship.
 */
import { useEffect, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from "react";
import { useToggleKey } from "../input/useToggleKey";
import type { GameSession } from "../../../client/GameSession";
import type { NetcodeOptions, NetStats } from "../../../client/netStats";
import type { LinkConditions } from "../../../client/linkConditions";
import { conditionsFromForm, describeLink, formatMs, formatPercent, formatPx, formatRate, linkForm, type LinkForm } from "./overlayFormat";
import "./debugOverlay.css";

/** F3 as in many PC games; ` for laptops whose F keys need Fn. */
const TOGGLE_KEYS: readonly string[] = ["F3", "Backquote"];
/** Four refreshes a second: numbers stay readable and React does not render per frame. */
const REFRESH_MS = 1000 / 4;

const SWITCHES: ReadonlyArray<{ option: keyof NetcodeOptions; label: string; testId: string }> = [
  { option: "prediction", label: "prediction", testId: "toggle-prediction" },
  { option: "interpolation", label: "interpolation", testId: "toggle-interpolation" },
  { option: "lagCompensation", label: "lag compensation", testId: "toggle-lag-compensation" },
];

/** Gives the keyboard back to the game (see the header). */
function releaseFocus(): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

export function DebugOverlay({ session }: { session: GameSession }) {
  const visible = useToggleKey(TOGGLE_KEYS);
  // Unmounted while hidden, so nothing polls the session when nobody looks.
  return visible ? <OverlayPanel session={session} /> : null;
}

function OverlayPanel({ session }: { session: GameSession }) {
  const [stats, setStats] = useState<NetStats>(() => session.stats());
  const [link, setLink] = useState<LinkConditions | undefined>(() => session.link.simulated);
  useEffect(() => {
    const timer = setInterval(() => {
      setStats(session.stats());
      setLink(session.link.simulated);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [session]);

  const rows: ReadonlyArray<[label: string, testId: string, value: string]> = [
    ["ping", "stat-ping", formatMs(stats.pingMs)],
    ["jitter", "stat-jitter", formatMs(stats.jitterMs, 1)],
    ["interp. delay", "stat-interp-delay", formatMs(stats.interpolationDelayMs)],
    ["last correction", "stat-correction", formatPx(stats.correctionPx)],
    ["visible error", "stat-visible-error", formatPx(stats.visibleErrorPx)],
    ["server tick", "stat-tick", String(stats.serverTick)],
    ["patch rate", "stat-patch-rate", `${stats.patchesPerSecond} /s`],
    ["in", "stat-bytes-in", formatRate(stats.bytesInPerSecond)],
    ["out", "stat-bytes-out", formatRate(stats.bytesOutPerSecond)],
    ["buffer dry", "stat-dry-frames", formatPercent(stats.dryFrameShare)],
    ["pending inputs", "stat-pending-inputs", String(stats.pendingInputs)],
    ["link", "stat-link", describeLink(link)],
  ];
  return (
    <section className="debug-overlay" data-testid="debug-overlay" aria-label="Netcode debug overlay">
      <dl>
        {rows.map(([label, testId, value]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      <NetcodeSwitches session={session} />
      <LinkSimulator session={session} onApplied={setLink} />
    </section>
  );
}

function NetcodeSwitches({ session }: { session: GameSession }) {
  const [options, setOptions] = useState<NetcodeOptions>(() => ({ ...session.options }));
  const flip = (option: keyof NetcodeOptions, event: ChangeEvent<HTMLInputElement>) => {
    session.setOption(option, event.currentTarget.checked);
    setOptions({ ...session.options });
    // A checkbox left focused would keep the arrows from the ship, and Space would flip it again.
    event.currentTarget.blur();
  };
  return (
    <fieldset className="netcode-switches">
      {SWITCHES.map(({ option, label, testId }) => (
        // A click must not focus the box at all (a press dragged off it changes nothing, so no blur would come).
        <label key={option} onMouseDown={(event) => event.preventDefault()}>
          <input type="checkbox" data-testid={testId} checked={options[option]} onChange={(event) => flip(option, event)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

interface LinkSimulatorProps {
  session: GameSession;
  onApplied(conditions: LinkConditions | undefined): void;
}

/** Latency, jitter and spike chance for RoomLink; applied on Enter or "apply", like the URL's `?latency=…`. */
function LinkSimulator({ session, onApplied }: LinkSimulatorProps) {
  const [form, setForm] = useState<LinkForm>(() => linkForm(session.link.simulated));
  const apply = (next: LinkForm) => {
    session.link.setConditions(conditionsFromForm(next, session.link.simulated?.spikeMs));
    // Show what took effect: the parser clamps and zeroes what it cannot use.
    setForm(linkForm(session.link.simulated));
    onApplied(session.link.simulated);
    releaseFocus();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(form);
  };
  // Esc in a field leaves the field; keyboard.ts does not see it, so it does not leave the game.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") event.currentTarget.blur();
  };
  const field = (name: keyof LinkForm, label: string, step: string) => (
    <label>
      {label}
      <input
        type="number"
        min="0"
        step={step}
        value={form[name]}
        data-testid={`sim-${name}`}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setForm((current) => ({ ...current, [name]: value }));
        }}
      />
    </label>
  );
  // noValidate: out-of-range entries are clamped by the parser rather than refused by the browser.
  return (
    <form className="link-sim" data-testid="link-simulator" onSubmit={onSubmit} noValidate>
      {field("latency", "latency ms", "10")}
      {field("jitter", "jitter ms", "5")}
      {field("spikes", "spikes", "0.01")}
      <button type="submit" data-testid="sim-apply">
        apply
      </button>
      <button type="button" data-testid="sim-off" onClick={() => apply(linkForm(undefined))}>
        off
      </button>
    </form>
  );
}
