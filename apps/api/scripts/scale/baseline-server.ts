/**
 * The ceiling for agenda reads on this machine: a bare node:http server with a pg pool,
 * answering GET /agenda/<editionId>/<organizationId> with the API's agenda SQL (AGENDA_SQL,
 * the same text, prepared on sessions like the API's hot reads) as JSON. No framework, no
 * authentication, no validation, no time-zone formatting: what is left is Node, the driver and PostgreSQL.
 * Started by bench:scale as its own process (like an API instance); prints its port.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { HOT_READ_SESSION } from '../../src/common/hot-reads/hot-read-session';
import { AGENDA_SQL } from '../../src/scheduling/agenda.queries';

// The sessions of the API's hot reads (one generic plan per statement); 10 connections, the
// ORM pool's size (the API's agenda reads take 4 of their own: the ceiling is not held back).
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10, options: HOT_READ_SESSION });
const server = createServer((req, res) => {
  const [, route, editionId, organizationId] = (req.url ?? '').split('/');
  if (route !== 'agenda' || !editionId || !organizationId) {
    res.writeHead(404).end();
    return;
  }
  // Prepared, as the API runs it (HotReads).
  pool.query({ name: 'agenda', text: AGENDA_SQL, values: [editionId, organizationId, false] }).then(
    (result) => {
      const body = JSON.stringify({ editionId, organizationId, items: result.rows });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    },
    (error: Error) => res.writeHead(500).end(error.message),
  );
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
