/**
 * Preloaded (`node --require`) into the processes bench:scale watches. Every 500 ms it appends
 * one JSON line to `$EVENT_LOOP_PROBE_FILE-<pid>.jsonl`: how late this process's event loop
 * ran in that half second (perf_hooks.monitorEventLoopDelay: p99 and max, ms) and how long
 * garbage collection paused it (ms). In the API that is the time a request waited on the
 * process itself; in an idle process, the time the machine kept it off a core.
 */
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const { appendFileSync } = require('node:fs');

const prefix = process.env.EVENT_LOOP_PROBE_FILE;
if (prefix) {
  const file = `${prefix}-${process.pid}.jsonl`;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  setInterval(() => {
    // The histogram counts from when the timer was due: subtract its 1 ms resolution.
    const line = { t: Date.now(), p99: Math.max(0, ms(delay.percentile(99)) - 1), max: Math.max(0, ms(delay.max) - 1), gcMs: Math.round(gcMs * 10) / 10 };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
    gcMs = 0;
  }, 500).unref();
}
