/**
 * The load chart's SVG: well-formed and escaped, one shape per series, values landing at
 * the right height, gaps in RTT breaking the line, and the awkward inputs (no samples, one
 * sample, NaN, fractions over 1) still giving a sane, byte-stable picture.
 */
import { LOAD_PLOT_LAYOUT as L, LOAD_SERIES, renderLoadPlot, type LoadSample } from "./plot";

function sample(t: number, over: Partial<LoadSample> = {}): LoadSample {
  return { t, messages: 0.05, simulation: 0.08, network: 0.04, other: 0.03, idle: 0.8, rttP50Ms: 12, rttP99Ms: 30, ...over };
}

function run(n: number, over: (t: number) => Partial<LoadSample> = () => ({})): LoadSample[] {
  return Array.from({ length: n }, (_, t) => sample(t, over(t)));
}

/** Checks tags nest and close, and that text holds no raw `<` or stray `&`. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][\w:-]*="[^"<]*")*)\s*(\/?)>/g;
  let at = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(at, m.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    at = m.index + m[0].length;
    const [, closing, name = "", , selfClosing] = m;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(at).toBe(svg.length);
  expect(stack).toEqual([]);
}

function pathD(svg: string, series: string): string | undefined {
  return new RegExp(`<path data-series="${series}" d="([^"]*)"`).exec(svg)?.[1];
}

function points(d: string): Array<[number, number]> {
  return [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const loadH = L.load.bottom - L.load.top;

describe("renderLoadPlot", () => {
  it("produces a well-formed SVG with the title escaped", () => {
    const svg = renderLoadPlot({ title: `Load: 50 bots & "heavy" <rooms> 'x'`, samples: run(30) });
    expectWellFormed(svg);
    expect(svg).toContain("Load: 50 bots &amp; &quot;heavy&quot; &lt;rooms&gt; &apos;x&apos;");
    expect(svg).toContain(`width="${L.width}" height="${L.height}"`);
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain("80 % idle target");
    for (const tick of ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"]) expect(svg).toContain(`>${tick}</text>`);
  });

  it("draws one filled path per stacked series and one line per RTT percentile", () => {
    const svg = renderLoadPlot({ title: "t", samples: run(30) });
    for (const { key, label } of LOAD_SERIES) {
      expect(svg.match(new RegExp(`data-series="${key}"`, "g"))).toHaveLength(1);
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg.match(/data-series="rttP50Ms"/g)).toHaveLength(1);
    expect(svg.match(/data-series="rttP99Ms"/g)).toHaveLength(1);
    expect(svg).toContain(">RTT p50</text>");
    expect(svg).toContain(">RTT p99</text>");
    // Every stacked path spans the whole time axis.
    const xs = points(pathD(svg, "idle") ?? "").map(([x]) => x);
    expect(Math.min(...xs)).toBe(L.left);
    expect(Math.max(...xs)).toBe(L.right);
  });

  it("puts a 50 % busy second halfway up the load panel, and the target line at 20 % busy", () => {
    const svg = renderLoadPlot({
      title: "half",
      samples: run(10, () => ({ messages: 0.5, simulation: 0, network: 0, other: 0, idle: 0.5 })),
    });
    const half = L.load.bottom - 0.5 * loadH;
    const messageYs = new Set(points(pathD(svg, "messages") ?? "").map(([, y]) => y));
    expect(messageYs).toEqual(new Set([half, L.load.bottom]));
    const idleYs = new Set(points(pathD(svg, "idle") ?? "").map(([, y]) => y));
    expect(idleYs).toEqual(new Set([L.load.top, half]));
    const targetY = L.load.bottom - 0.2 * loadH;
    expect(svg).toMatch(new RegExp(`<line x1="${L.left}" y1="${targetY}" x2="${L.right}" y2="${targetY}"[^>]*stroke-dasharray`));
  });

  it("splits an RTT line where a value is missing and keeps the others whole", () => {
    const svg = renderLoadPlot({ title: "gaps", samples: run(6, (t) => (t === 2 ? { rttP50Ms: undefined } : {})) });
    const p50 = pathD(svg, "rttP50Ms") ?? "";
    expect(p50.match(/M/g)).toHaveLength(2);
    expect(points(p50)).toHaveLength(5);
    expect(pathD(svg, "rttP99Ms")?.match(/M/g)).toHaveLength(1);
    // A lone value between two gaps still leaves a visible dot.
    const lone = renderLoadPlot({ title: "lone", samples: run(5, (t) => (t === 2 ? {} : { rttP99Ms: undefined })) });
    expect(pathD(lone, "rttP99Ms")).toMatch(/^M[\d.]+,[\d.]+h0$/);
  });

  it("scales RTT to a nice maximum of at least 10 ms", () => {
    const small = renderLoadPlot({ title: "s", samples: run(5, () => ({ rttP50Ms: 1, rttP99Ms: 3 })) });
    expect(small).toContain(">10</text>");
    const big = renderLoadPlot({ title: "b", samples: run(5, (t) => ({ rttP50Ms: 20, rttP99Ms: t === 3 ? 37 : 25 })) });
    expect(big).toContain(">40</text>");
    expect(big).not.toContain(">50</text>");
    // 37 of 40 ms is 92.5 % of the panel's height up.
    const top = Math.min(...points(pathD(big, "rttP99Ms") ?? "").map(([, y]) => y));
    expect(top).toBeCloseTo(L.rtt.bottom - (37 / 40) * (L.rtt.bottom - L.rtt.top), 1);
    expect(top).toBeGreaterThanOrEqual(L.rtt.top);
  });

  it("renders the frame and a 'no data' note for zero samples", () => {
    const svg = renderLoadPlot({ title: "empty", samples: [] });
    expectWellFormed(svg);
    expect(svg).toContain("no data");
    expect(svg).not.toContain("data-series");
    expect(svg).toContain(">100 %</text>");
    expect(svg).toContain("80 % idle target");
  });

  it("draws a single sample as a band across the axis", () => {
    const svg = renderLoadPlot({ title: "one", samples: [sample(7)] });
    expectWellFormed(svg);
    expect(svg).not.toContain("no data");
    const xs = points(pathD(svg, "messages") ?? "").map(([x]) => x);
    expect(Math.min(...xs)).toBe(L.left);
    expect(Math.max(...xs)).toBe(L.right);
    const p50 = points(pathD(svg, "rttP50Ms") ?? "");
    expect(p50).toHaveLength(2);
    expect(p50[0]?.[1]).toBe(p50[1]?.[1]);
    expect(svg).toContain(">7</text>");
  });

  it("treats non-finite numbers as missing or zero and clamps stacks to the frame", () => {
    const svg = renderLoadPlot({
      title: "bad",
      samples: [
        sample(0, { messages: Number.NaN, rttP50Ms: Number.POSITIVE_INFINITY }),
        sample(1, { messages: 0.9, simulation: 0.9, network: -1, idle: Number.NEGATIVE_INFINITY }),
        sample(Number.NaN, { rttP99Ms: 5000 }),
        sample(2, { rttP99Ms: Number.NaN }),
        sample(3),
      ],
    });
    expectWellFormed(svg);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(pathD(svg, "rttP50Ms")?.match(/M/g)).toHaveLength(1);
    expect(pathD(svg, "rttP99Ms")?.match(/M/g)).toHaveLength(2);
    expect(svg).not.toContain(">5000</text>"); // the sample with no time is left out
    for (const { key } of LOAD_SERIES) {
      for (const [, y] of points(pathD(svg, key) ?? "")) {
        expect(y).toBeGreaterThanOrEqual(L.load.top);
        expect(y).toBeLessThanOrEqual(L.load.bottom);
      }
    }
  });

  it("rounds every number to one decimal", () => {
    const svg = renderLoadPlot({
      title: "r",
      samples: run(7, (t) => ({ t: t * 1.2345, messages: 1 / 3, simulation: 1 / 7, rttP50Ms: Math.PI, rttP99Ms: Math.E * 7 })),
    });
    expect(svg).not.toMatch(/\d\.\d\d/);
  });

  it("is deterministic and independent of sample order", () => {
    const samples = run(40, (t) => ({ messages: 0.01 * (t % 7), rttP99Ms: t % 5 === 0 ? undefined : 20 + t }));
    const first = renderLoadPlot({ title: "det", samples });
    expect(renderLoadPlot({ title: "det", samples: samples.map((s) => ({ ...s })) })).toBe(first);
    expect(renderLoadPlot({ title: "det", samples: [...samples].reverse() })).toBe(first);
  });
});
