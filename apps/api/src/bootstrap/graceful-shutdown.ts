import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';

/** A shutdown that takes longer than this is cut short (exit code 1). */
const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * SIGTERM / SIGINT: stop accepting connections, let the requests in flight finish,
 * stop the jobs and close the database pool (Nest's close order), then exit 0.
 * Nest's own enableShutdownHooks() re-raises the signal after closing, so the process
 * would die "killed by SIGTERM" instead of exiting cleanly; a process manager or a
 * rolling deploy reads that as a crash.
 */
export function exitCleanlyOnSignals(app: INestApplication, logger = new Logger('Shutdown')): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining requests in flight, then closing`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    // Keep-alive connections between requests are closed at once; busy ones after their answer.
    const server = app.getHttpServer() as Server;
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    app
      .close()
      .then(() => {
        clearInterval(idle);
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
