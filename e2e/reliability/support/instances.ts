import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../apps/api/src/database/embedded-postgres';

const ROOT = resolve(__dirname, '../../..');
export const MAIN = join(ROOT, 'dist/apps/api/main.js');
export const JWT_SECRET = 'reliability-secret-that-is-long-enough-0123456789';
export const DEMO_PASSWORD = 'demo1234';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One API process (dist/apps/api/main.js) on 127.0.0.1. */
export interface ApiInstance {
  port: number;
  process: ChildProcess;
  /** The process's last output lines, for a failing test's message. */
  output: () => string;
  exited: Promise<Exit>;
  /** Sends the signal and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<Exit>;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Set when no HTTP answer came back (refused, reset). */
  error?: string;
}

/** Starts an instance and waits until /api/health answers 200. */
export async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiInstance> {
  const port = await freePort();
  const lines: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jinan-rel-data-')),
      WEB_ROOT: join(tmpdir(), 'jinan-no-web'),
      RATE_LIMIT_PER_MINUTE: '100000',
      // The small demo edition these tests were written against: on a server database the
      // demo is seeded only when asked for (DEMO=1), never merely because NODE_ENV is unset.
      DEMO: '1',
      DEMO_SIZE: 'small',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 2000) lines.splice(0, lines.length - 2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const instance: ApiInstance = {
    port,
    process: child,
    output: () => lines.join('\n'),
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  let dead = false;
  void exited.then(() => (dead = true));
  await waitFor(async () => {
    if (dead) throw new Error(`instance exited while starting:\n${instance.output()}`);
    return (await call(instance, 'GET', '/api/health')).status === 200;
  }, 90_000);
  return instance;
}

/** One HTTP call on a fresh connection (no keep-alive: a closing server cannot reset a reused socket). */
export function call(
  instance: Pick<ApiInstance, 'port'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: instance.port,
        method,
        path,
        agent: false,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          done({ status: res.statusCode ?? 0, body });
        });
        res.on('error', (e) => done({ status: 0, body: null, error: (e as NodeJS.ErrnoException).code ?? e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('ETIMEOUT')));
    req.on('error', (e) => done({ status: 0, body: null, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(payload);
  });
}

export async function login(instance: Pick<ApiInstance, 'port'>, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call(instance, 'POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Polls until the condition holds; fails after the timeout. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
