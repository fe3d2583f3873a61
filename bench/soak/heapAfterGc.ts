/**
 * The heap's floor: heap used right after each major (mark-compact) garbage collection,
 * as a metric (HEAP_AFTER_GC_METRIC), with a count of major collections. Heap used as
 * scraped is a saw-tooth tens of MB deep (the young generation fills and empties every
 * second or so; old space fills between major collections), so only the floor can show a
 * leak of a few MB in a 10-minute run. For the soak's server process; import it first.
 */
import { constants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import { Counter, Gauge } from "prom-client";
import { serverMetrics } from "../../server/metrics/ServerMetrics";
import { HEAP_AFTER_GC_METRIC, MAJOR_GCS_METRIC } from "./sample";

const floor = new Gauge({
  name: HEAP_AFTER_GC_METRIC,
  help: "Heap used right after the latest major garbage collection (soak runs only).",
  registers: [serverMetrics.registry],
});
const majors = new Counter({
  name: MAJOR_GCS_METRIC,
  help: "Major garbage collections (soak runs only).",
  registers: [serverMetrics.registry],
});

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    // Node's gc entries carry `detail.kind` (the DOM lib's PerformanceEntry type does not know it).
    if ((entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    // Delivered just after the collection: little has been allocated since.
    floor.set(v8.getHeapStatistics().used_heap_size);
    majors.inc();
  }
}).observe({ entryTypes: ["gc"] });
