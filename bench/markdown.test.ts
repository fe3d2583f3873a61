/** The reports' number formats and table: fixed decimals, units after a space, one mark for the unmeasured. */
import { fixed, MISSING, pair, percent, ratio, signed, table } from "./markdown";

describe("report number formats", () => {
  it("writes fixed decimals with an optional unit, and n/a for what was not measured", () => {
    expect(fixed(14.706, 2, "KB/s")).toBe("14.71 KB/s");
    expect(fixed(150.5, 0)).toBe("151");
    expect(fixed(Number.NaN, 1, "ms")).toBe(MISSING);
    expect(fixed(Number.POSITIVE_INFINITY, 1)).toBe(MISSING);
  });

  it("writes shares as percentages", () => {
    expect(percent(0.8)).toBe("80.0 %");
    expect(percent(0.136, 0)).toBe("14 %");
    expect(percent(Number.NaN)).toBe(MISSING);
  });

  it("writes a pair with one unit, a signed difference and a ratio", () => {
    expect(pair(1, 38, 1, "ms")).toBe("1.0 / 38.0 ms");
    expect(pair(0.331, Number.NaN, 2)).toBe(`0.33 / ${MISSING}`);
    expect(signed(0.5)).toBe("+0.5");
    expect(signed(0, 2)).toBe("+0.00");
    expect(signed(-1.234, 2)).toBe("-1.23");
    expect(ratio(3, 2)).toBe("1.50×");
    // Against (next to) nothing a ratio says nothing.
    expect(ratio(14.71, 0)).toBe(MISSING);
    expect(ratio(1, 1e-4)).toBe(MISSING);
  });
});

describe("table", () => {
  it("writes a header, a separator and one line per row, an empty cell as `| |`", () => {
    expect(
      table(
        ["measure", "value", ""],
        [
          ["idle", "80.0 %", ""],
          ["ticks", "60", "met"],
        ],
      ),
    ).toBe(["| measure | value | |", "|---|---|---|", "| idle | 80.0 % | |", "| ticks | 60 | met |"].join("\n"));
  });

  it("writes a header alone when there are no rows", () => {
    expect(table(["a", "b"], [])).toBe("| a | b |\n|---|---|");
  });
});
