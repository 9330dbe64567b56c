import type { ErrorCode } from '@jinan/contracts';
import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';

/** A shutdown that takes longer than this is cut short (exit code 1). */
const SHUTDOWN_DEADLINE_MS = 25_000;
/**
 * After the signal the instance keeps accepting for this long while /api/health answers
 * 503, so a load balancer takes it out of rotation and connections already waiting in
 * the kernel's accept queue are served rather than reset when the socket closes.
 */
const DRAIN_DELAY_MS = 1_000;

/**
 * SIGTERM / SIGINT: stop accepting connections, let the requests in flight finish,
 * stop the jobs and close the database pool (Nest's close order), then exit 0.
 *
 * Nest's enableShutdownHooks() re-raises the signal after closing (the process dies
 * "killed by SIGTERM", which a process manager reads as a crash), and http.Server#close
 * drops every connection without a request in progress — including ones just accepted
 * whose request has not arrived yet, which their clients see as a reset. So: health
 * answers 503 for DRAIN_DELAY_MS, then the listening socket is closed alone, each
 * answer from then on says `Connection: close`, and Nest closes once the last
 * connection has ended.
 */
export function exitCleanlyOnSignals(app: INestApplication, logger = new Logger('Shutdown')): void {
  let draining = false;
  app.use(
    (
      req: { url: string },
      res: { setHeader: (name: string, value: string) => void; status: (code: number) => { json: (body: unknown) => void } },
      next: () => void,
    ) => {
      if (!draining) return next();
      res.setHeader('Connection', 'close');
      if (req.url === '/api/health')
        return res.status(503).json({ statusCode: 503, error: 'Service unavailable', message: 'shutting down', code: 'SHUTTING_DOWN' satisfies ErrorCode });
      next();
    },
  );
  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    logger.log(`${signal}: draining requests in flight, then closing`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    const server = app.getHttpServer() as Server;
    // Keep-alive connections left idle end at the server's keepAliveTimeout (5 s).
    new Promise((delayed) => setTimeout(delayed, DRAIN_DELAY_MS))
      .then(() => new Promise<void>((drained) => NetServer.prototype.close.call(server, () => drained())))
      .then(() => app.close())
      .then(() => {
        clearTimeout(deadline);
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : error}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
