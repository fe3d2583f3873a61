import { TICK_MS } from "../../../shared/constants";
import type { LoadWindow } from "../../../shared/dashboard/dashboardApi";
import { stackedTickTime, trafficSeries } from "./loadSeries";

function window(at: number, shares: Partial<LoadWindow>): LoadWindow {
  return {
    at,
    messages: 0,
    simulation: 0,
    network: 0,
    other: 0,
    idle: 1,
    ticksPerSecond: 60,
    patchesPerSecond: 20,
    messagesInPerSecond: 0,
    bytesInPerSecond: 0,
    messagesOutPerSecond: 0,
    bytesOutPerSecond: 0,
    ...shares,
  };
}

describe("stackedTickTime", () => {
  it("stacks the shares as ms of a tick, bottom to top, ending at the whole budget", () => {
    const data = stackedTickTime([window(2000, { messages: 0.1, simulation: 0.2, network: 0.1, other: 0.1, idle: 0.5 }), window(2500, {})]);
    expect(data[0]).toEqual([2, 2.5]);
    expect(data.slice(1).map((column) => column[0])).toEqual([0.1, 0.3, 0.4, 0.5, 1].map((share) => expect.closeTo(share * TICK_MS, 9)));
    expect(data[5]![1]).toBeCloseTo(TICK_MS, 9);
    expect(data[1]![1]).toBe(0);
  });
});

describe("trafficSeries", () => {
  it("gives messages per second and kilobytes per second each way", () => {
    const data = trafficSeries([
      window(1000, { messagesInPerSecond: 30, messagesOutPerSecond: 40, bytesInPerSecond: 1500, bytesOutPerSecond: 15000 }),
    ]);
    expect(data).toEqual([[1], [30], [40], [1.5], [15]]);
  });
});
