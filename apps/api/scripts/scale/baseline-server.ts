/**
 * The ceiling for agenda reads on this machine: a bare node:http server with a pg pool
 * of the API's size, answering GET /agenda/<editionId>/<organizationId> with the API's
 * agenda SQL (AGENDA_SQL, the same text, prepared as the API prepares it) as JSON. No framework, no authentication, no
 * validation, no time-zone formatting: what is left is Node, the driver and PostgreSQL.
 * Started by bench:scale as its own process (like an API instance); prints its port.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { AGENDA_SQL } from '../../src/scheduling/agenda.queries';

const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
const server = createServer((req, res) => {
  const [, route, editionId, organizationId] = (req.url ?? '').split('/');
  if (route !== 'agenda' || !editionId || !organizationId) {
    res.writeHead(404).end();
    return;
  }
  // Prepared, as the API runs it (preparedQuery).
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
