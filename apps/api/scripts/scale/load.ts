/**
 * The load bench:scale puts on an endpoint, two ways:
 * - paced (`fixedRate`): requests leave one every 1/rate s whatever the answers do (open loop,
 *   loadtest's `requestsPerSecond`), as a venue's phones refreshing would send them; latency
 *   is measured from each request's departure.
 * - closed loop (`saturate`): autocannon, 50 connections each sending its next request when
 *   the last one is answered: the most the server answers.
 * autocannon's own fixed rate (`overallRate`) is not paced: each connection gets a budget per
 * second and spends it at once when the second starts (mcollina/autocannon#174), so "200 req/s"
 * is 200 requests fired together then ~0.8 s of nothing, and its p99 is the time to drain that
 * burst; it also adds coordinated-omission samples at a 1 ms interval (ceil(1 / rate)).
 * `burstRate` keeps that figure for comparison with earlier rounds.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';

// loadtest is an ES module; Node 20.19+ requires it synchronously.
const { loadTest } = require('loadtest') as { loadTest: (options: Record<string, unknown>) => Promise<unknown> };
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

type SendRequest = (params: object, callback: (response: IncomingMessage) => void) => ClientRequest;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number };
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}

export interface Measured {
  p95: number | null;
  p99: number | null;
  rps: number | null;
  note: string;
}

/** The next request's path and Authorization header ('' for none). */
export type NextRequest = () => { path: string; auth: string };

/**
 * Requests paced at `rate` per second for `seconds`, after a 2 s closed-loop warm-up. loadtest
 * sends them; each is timed here from its departure to the end of its answer, including those
 * answered after the window (loadtest's own figures leave them out: the slowest), which are
 * waited for (up to a minute) so that the next phase starts on an idle server.
 */
export async function fixedRate(url: string, next: NextRequest, rate: number, seconds: number): Promise<Measured> {
  await closedLoop(url, next, { connections: 10, duration: 2 });
  const times: number[] = [];
  const statuses = new Map<string, number>();
  let pending = 0;
  const count = (status: string, n = 1) => statuses.set(status, (statuses.get(status) ?? 0) + n);
  const started = performance.now();
  await loadTest({
    url,
    requestsPerSecond: rate,
    maxSeconds: seconds,
    agentKeepAlive: true,
    timeout: 60_000,
    quiet: true,
    requestGenerator: (_options: unknown, params: { headers: Record<string, string> }, request: SendRequest, callback: (response: IncomingMessage) => void) => {
      const { path, auth } = next();
      const sentAt = performance.now();
      let status = 'no answer';
      pending++;
      const req = request({ ...params, path, headers: { ...params.headers, ...(auth ? { authorization: auth } : {}) } }, (response) => {
        status = String(response.statusCode);
        response.once('end', () => times.push(performance.now() - sentAt));
        callback(response);
      });
      req.once('close', () => {
        pending--;
        count(status);
      });
      return req;
    },
  });
  const sent = [...statuses.values()].reduce((a, b) => a + b, 0) + pending;
  const until = Date.now() + 60_000;
  while (pending > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  if (pending) count(`unanswered after ${Math.round(elapsed)} s`, pending);
  const codes = [...statuses].map(([code, n]) => `${code}×${n}`).join(' ');
  if (!times.length) return { p95: null, p99: null, rps: 0, note: `sent ${sent}, no answer: ${codes}` };
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number);
  return {
    p95: pending ? null : at(0.95),
    p99: pending ? null : at(0.99),
    rps: Math.round(sent / seconds),
    note: `paced: ${sent} sent in ${seconds} s (${codes}); p50 ${at(0.5)} ms, max ${Math.round(times[times.length - 1] as number)} ms${elapsed > seconds + 1 ? `; the last answered ${Math.round(elapsed - seconds)} s after the window` : ''}`,
  };
}

/** autocannon's overallRate: the rate spent in a burst at the start of each second (see above). */
export async function burstRate(url: string, next: NextRequest, rate: number, seconds: number): Promise<Measured> {
  await closedLoop(url, next, { connections: 10, duration: 2 });
  return measured(await closedLoop(url, next, { connections: 32, duration: seconds, overallRate: rate }));
}

/** autocannon at saturation (50 connections). */
export async function saturate(url: string, next: NextRequest, seconds: number): Promise<Measured> {
  await closedLoop(url, next, { connections: 10, duration: 2 });
  return measured(await closedLoop(url, next, { connections: 50, duration: seconds }));
}

function closedLoop(url: string, next: NextRequest, options: Record<string, unknown>): Promise<AutocannonResult> {
  return autocannon({
    url,
    ...options,
    requests: [
      {
        method: 'GET',
        path: '/',
        setupRequest: (req: { headers?: Record<string, string> }) => {
          const { path, auth } = next();
          return { ...req, path, headers: { ...req.headers, ...(auth ? { authorization: auth } : {}) } };
        },
      },
    ],
  });
}

function measured(r: AutocannonResult): Measured {
  // No answer in the window: no latency to report (autocannon would say 0 ms).
  if (!Object.keys(r.statusCodeStats).length) return { p95: null, p99: null, rps: 0, note: `no answer within the window; errors×${r.errors}` };
  const codes = Object.entries(r.statusCodeStats)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(' ');
  // autocannon's percentiles jump from p90 to p97.5: p97.5 is reported as p95 (an upper bound).
  return {
    p95: r.latency.p97_5,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    note: `${codes}${r.errors ? ` errors×${r.errors}` : ''}; p50 ${r.latency.p50} ms`,
  };
}
