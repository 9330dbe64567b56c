import { ChildProcess, execSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { CHROMIUM_PATH } from './chromium';

/** Per run: several checkouts share one PostgreSQL server, and a fixed name let one run drop another's database. */
export const WEB_TEST_DB = `jinan_web_test_${process.pid}`;

export interface WebTestServer {
  child: ChildProcess;
  dataDir: string | null;
  /** The server-side database to drop afterwards (when TEST_DATABASE_URL/DATABASE_URL is used). */
  databaseUrl: string | null;
}

/** Once per run: build both apps (cached by Nx), start the API on a free port against a fresh database. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env['CI']) throw new Error(`${CHROMIUM_PATH} is missing: browser tests are required in CI (apt-get install -y chromium)`);
    console.warn(`\n[e2e-web] ${CHROMIUM_PATH} not found: browser tests are skipped (apt-get install -y chromium to run them)\n`);
    process.env['JINAN_WEB_SKIP'] = 'chromium missing';
    return;
  }
  const root = resolve(__dirname, '../../..');
  execSync('npx nx run-many -t build -p api web --output-style=static', { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    SEED_DEMO: 'true',
    DEMO: '1',
    // The small demo (firms, offers, accounts): the browser tests build their own meetings.
    DEMO_SIZE: 'small',
    LOG_LEVEL: 'warn',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    // Dashboards are read right after the tests' own changes: live figures, however slow the machine.
    STATS_LIVE_LIMIT_MS: '600000',
  };
  let dataDir: string | null = null;
  const configured = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (configured) {
    env['DATABASE_URL'] = await freshDatabase(configured);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'jinan-web-e2e-'));
    // As root the embedded server runs as `postgres`, which must be able to enter the directory.
    chmodSync(dataDir, 0o755);
    delete env['DATABASE_URL'];
    env['DATA_DIR'] = dataDir;
  }
  const port = await freePort();
  env['PORT'] = String(port);
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  process.env['JINAN_WEB_BASE_URL'] = baseUrl;
  (globalThis as { __jinanWebServer?: WebTestServer }).__jinanWebServer = { child, dataDir, databaseUrl: configured ? (env['DATABASE_URL'] ?? null) : null };
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${WEB_TEST_DB}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${WEB_TEST_DB}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${WEB_TEST_DB}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before becoming healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`the API at ${baseUrl} did not become healthy within 180 s`);
}
