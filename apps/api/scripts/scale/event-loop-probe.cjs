/**
 * Preloaded (`node --require`) into the processes bench:scale watches. Every 500 ms it appends
 * one JSON line to `$EVENT_LOOP_PROBE_FILE-<pid>.jsonl`: how late this process's event loop
 * ran in that half second (perf_hooks.monitorEventLoopDelay: p99 and max, ms) and how long
 * garbage collection paused it (ms, and its longest single pause). In the API that is the time a request waited on the
 * process itself; in an idle process, the time the machine kept it off a core.
 */
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const { appendFileSync } = require('node:fs');

const prefix = process.env.EVENT_LOOP_PROBE_FILE;
if (prefix) {
  const file = `${prefix}-${process.pid}.jsonl`;
  // Node's default resolution: a finer timer would itself wake the process more often than it serves requests.
  const RESOLUTION_MS = 10;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let gcMs = 0;
  // The longest single pause and its kind (perf_hooks: 1 minor/scavenge, 2 major/mark-compact, 4 incremental, 8 weak callbacks).
  let gcMax = 0;
  let gcMaxKind = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if (entry.duration > gcMax) {
        gcMax = entry.duration;
        gcMaxKind = entry.detail?.kind ?? 0;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  setInterval(() => {
    // The histogram records the timer's whole period: subtract the resolution.
    const line = {
      t: Date.now(),
      p99: Math.max(0, ms(delay.percentile(99)) - RESOLUTION_MS),
      max: Math.max(0, ms(delay.max) - RESOLUTION_MS),
      gcMs: Math.round(gcMs * 10) / 10,
      gcMaxMs: Math.round(gcMax * 10) / 10,
      gcMaxKind,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
    gcMs = 0;
    gcMax = 0;
    gcMaxKind = 0;
  }, 500).unref();
}
