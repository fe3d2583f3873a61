/**
 * The load benchmark's chart, as a standalone SVG string for load.md: on top, where
 * the server's event loop spends its wall time second by second (stacked, idle on top,
 * with the 80 % idle target marked); below, the bots' round-trip time p50 and p99 on the
 * same time axis. Pure and deterministic, so a re-run with the same data diffs clean.
 */

/** One second of a load run, as measured on the server (fractions of wall time, summing to about 1) and at the bots. */
export interface LoadSample {
  /** Seconds since the run started. */
  t: number;
  messages: number; // fraction of wall time handling client messages
  simulation: number; // fraction in the 60 Hz simulation step
  network: number; // fraction encoding/sending patches
  other: number; // rest of the busy time (socket I/O, GC, timers)
  idle: number; // idle fraction of the event loop
  rttP50Ms?: number; // bots' round-trip time percentiles in that second (may be missing)
  rttP99Ms?: number;
}

export interface LoadPlot {
  title: string;
  samples: readonly LoadSample[];
}

/** Geometry of the chart, exported so tests can check where values land. */
export const LOAD_PLOT_LAYOUT = {
  width: 900,
  height: 460,
  left: 64,
  right: 740,
  load: { top: 48, bottom: 258 },
  rtt: { top: 300, bottom: 408 },
} as const;

/** Bottom to top, so the busy parts sit on the axis and can be read against it; Okabe–Ito colors, idle a neutral grey. */
export const LOAD_SERIES = [
  { key: "messages", label: "client messages", color: "#E69F00" },
  { key: "simulation", label: "simulation step", color: "#0072B2" },
  { key: "network", label: "patches (network)", color: "#009E73" },
  { key: "other", label: "other busy", color: "#CC79A7" },
  { key: "idle", label: "idle", color: "#DDDDDD" },
] as const;

/** Solid lines in two Okabe–Ito hues: a dashed line would hide the gaps where a second has no value. */
const RTT_SERIES = [
  { key: "rttP50Ms", label: "RTT p50", color: "#0072B2" },
  { key: "rttP99Ms", label: "RTT p99", color: "#D55E00" },
] as const;

/** The busy share the server should stay under (80 % idle leaves headroom for bursts). */
const TARGET_BUSY = 0.2;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"`;
const L = LOAD_PLOT_LAYOUT;

interface Point {
  t: number;
  /** Cumulative stack boundaries, 0 then the top of each series, each in [0, 1]. */
  stack: number[];
  rtt: Array<number | undefined>;
}

/** One decimal keeps the file small and stops float noise from showing up in diffs. */
function fmt(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function finite(v: number | undefined): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The smallest of 1, 2, 5 × 10^k that is ≥ `x`, for tick steps people can read. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5]) if (m * p >= x * (1 - 1e-9)) return m * p;
  return 10 * p;
}

function toPoint(s: LoadSample): Point {
  const stack = [0];
  let top = 0;
  for (const { key } of LOAD_SERIES) {
    // Clamping the running total keeps a sum over 1 from drawing above the frame.
    top = Math.min(1, top + Math.max(0, finite(s[key]) ?? 0));
    stack.push(top);
  }
  const rtt = RTT_SERIES.map(({ key }) => {
    const v = finite(s[key]);
    return v !== undefined && v >= 0 ? v : undefined;
  });
  return { t: s.t, stack, rtt };
}

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? " " + attrs : ""}>${escapeXml(content)}</text>`;
}

function legend(x: number, y: number, items: ReadonlyArray<{ label: string; color: string }>, lines = false): string[] {
  return items.map(({ label, color }, i) => {
    const yy = y + i * 20;
    const swatch = lines
      ? `<line x1="${x}" y1="${yy}" x2="${x + 20}" y2="${yy}" stroke="${color}" stroke-width="2.5"/>`
      : `<rect x="${x}" y="${yy - 6}" width="14" height="12" fill="${color}" stroke="#666" stroke-width="0.5"/>`;
    return `${swatch}${text(x + 26, yy + 4, label)}`;
  });
}

/** Tick marks and labels only: grid lines differ per panel (over the areas, under the lines). */
function yAxis(panel: { top: number; bottom: number }, ticks: readonly number[], max: number, label: (v: number) => string): string[] {
  const out: string[] = [];
  for (const v of ticks) {
    const y = panel.bottom - (v / max) * (panel.bottom - panel.top);
    out.push(`<line x1="${L.left - 4}" y1="${fmt(y)}" x2="${L.left}" y2="${fmt(y)}" stroke="#333"/>`);
    out.push(text(L.left - 7, y + 4, label(v), `text-anchor="end"`));
  }
  return out;
}

function axisTitle(panel: { top: number; bottom: number }, title: string): string {
  const y = (panel.top + panel.bottom) / 2;
  return text(18, y, title, `text-anchor="middle" transform="rotate(-90 18 ${fmt(y)})"`);
}

export function renderLoadPlot(plot: LoadPlot): string {
  // A sample with no usable time has nowhere to go on the axis, so it is left out.
  // The sort is stable: samples sharing a second keep their order, and so does the output.
  const points = plot.samples
    .filter((s) => Number.isFinite(s.t))
    .map(toPoint)
    .sort((a, b) => a.t - b.t);
  const first = points[0];
  const last = points[points.length - 1];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" ` +
      `${FONT} font-size="12" fill="#222">`,
    `<rect width="${L.width}" height="${L.height}" fill="#fff"/>`,
    text(L.width / 2, 28, plot.title, `text-anchor="middle" font-size="18" font-weight="600"`),
  ];

  const loadH = L.load.bottom - L.load.top;
  const yLoad = (f: number): number => L.load.bottom - f * loadH;
  let rttMax = 10;
  for (const p of points) for (const v of p.rtt) if (v !== undefined && v > rttMax) rttMax = v;
  const rttStep = niceStep(rttMax / 4);
  rttMax = Math.ceil(rttMax / rttStep - 1e-9) * rttStep;
  const yRtt = (ms: number): number => L.rtt.bottom - (ms / rttMax) * (L.rtt.bottom - L.rtt.top);

  if (first && last) {
    // A single instant has no width: spread it over one second so it still shows as a band.
    const flat = last.t === first.t;
    const t0 = flat ? first.t - 0.5 : first.t;
    const t1 = flat ? first.t + 0.5 : last.t;
    const drawn = flat
      ? [
          { ...first, t: t0 },
          { ...last, t: t1 },
        ]
      : points;
    const x = (t: number): number => L.left + ((t - t0) / (t1 - t0)) * (L.right - L.left);

    LOAD_SERIES.forEach(({ key, color }, i) => {
      const upper = drawn.map((p) => `${fmt(x(p.t))},${fmt(yLoad(p.stack[i + 1] ?? 0))}`);
      const lower = drawn.map((p) => `${fmt(x(p.t))},${fmt(yLoad(p.stack[i] ?? 0))}`).reverse();
      out.push(`<path data-series="${key}" d="M${upper.join("L")}L${lower.join("L")}Z" fill="${color}"/>`);
    });

    RTT_SERIES.forEach(({ key, color }, i) => {
      const runs: string[][] = [];
      let run: string[] | undefined;
      for (const p of drawn) {
        const v = p.rtt[i];
        if (v === undefined) run = undefined;
        else {
          if (!run) runs.push((run = []));
          run.push(`${fmt(x(p.t))},${fmt(yRtt(v))}`);
        }
      }
      // "h0" gives a lone point between gaps a visible dot (round caps) instead of nothing.
      const d = runs.map((r) => `M${r.join("L")}${r.length === 1 ? "h0" : ""}`).join("");
      const stroke = `stroke="${color}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"`;
      if (d) out.push(`<path data-series="${key}" d="${d}" fill="none" ${stroke}/>`);
    });

    // Samples are per second, so finer ticks would only label positions between them.
    const step = Math.max(1, niceStep((t1 - t0) / 8));
    for (let i = Math.ceil(t0 / step - 1e-9); i * step <= t1 + step * 1e-9; i++) {
      const xx = fmt(x(i * step));
      for (const bottom of [L.load.bottom, L.rtt.bottom]) {
        out.push(`<line x1="${xx}" y1="${bottom}" x2="${xx}" y2="${bottom + 4}" stroke="#333"/>`);
        out.push(text(x(i * step), bottom + 16, fmt(i * step), `text-anchor="middle"`));
      }
    }
  } else {
    for (const panel of [L.load, L.rtt]) {
      out.push(text((L.left + L.right) / 2, (panel.top + panel.bottom) / 2, "no data", `text-anchor="middle" fill="#888" font-size="14"`));
    }
  }

  // Faint white grid over the areas: readable against every fill without hiding the stack.
  for (const v of [0.2, 0.4, 0.6, 0.8]) {
    const y = fmt(yLoad(v));
    out.push(`<line x1="${L.left}" y1="${y}" x2="${L.right}" y2="${y}" stroke="#fff" stroke-opacity="0.6" stroke-width="0.5"/>`);
  }
  out.push(...yAxis(L.load, [0, 0.2, 0.4, 0.6, 0.8, 1], 1, (v) => `${fmt(v * 100)} %`));
  const rttTicks: number[] = [];
  for (let i = 0; i * rttStep <= rttMax * (1 + 1e-9); i++) rttTicks.push(i * rttStep);
  for (const v of rttTicks.slice(1)) {
    out.push(`<line x1="${L.left}" y1="${fmt(yRtt(v))}" x2="${L.right}" y2="${fmt(yRtt(v))}" stroke="#e5e5e5"/>`);
  }
  out.push(...yAxis(L.rtt, rttTicks, rttMax, fmt));

  const yTarget = fmt(yLoad(TARGET_BUSY));
  out.push(
    `<line x1="${L.left}" y1="${yTarget}" x2="${L.right}" y2="${yTarget}" stroke="#222" stroke-width="1.5" ` + `stroke-dasharray="6 4"/>`,
  );
  // A white halo keeps the label readable where it crosses the stacked areas.
  const halo = `stroke="#fff" stroke-width="3" paint-order="stroke"`;
  out.push(text(L.right - 6, yLoad(TARGET_BUSY) - 6, "80 % idle target", `text-anchor="end" ${halo}`));

  for (const panel of [L.load, L.rtt]) {
    const size = `width="${L.right - L.left}" height="${panel.bottom - panel.top}"`;
    out.push(`<rect x="${L.left}" y="${panel.top}" ${size} fill="none" stroke="#333"/>`);
  }
  out.push(axisTitle(L.load, "% of wall time"), axisTitle(L.rtt, "RTT (ms)"));
  out.push(text((L.left + L.right) / 2, L.rtt.bottom + 36, "seconds since start", `text-anchor="middle"`));
  out.push(...legend(L.right + 20, L.load.top + 10, [...LOAD_SERIES].reverse()));
  out.push(...legend(L.right + 20, L.rtt.top + 10, RTT_SERIES, true));
  out.push("</svg>");
  return out.join("\n");
}
