import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap/configure-app';
import { exitCleanlyOnSignals } from './bootstrap/graceful-shutdown';
import { jwtSecret } from './bootstrap/jwt-secret';
import { prepareDatabase } from './bootstrap/prepare-database';
import { loadEnvironment } from './config/environment';
import { dataDir, resolveDatabase } from './database/resolve-database';

async function bootstrap(): Promise<void> {
  const env = loadEnvironment();
  const logger = new Logger('Bootstrap');
  const database = await resolveDatabase(env);
  if (database.embedded) logger.log(`embedded PostgreSQL started, data in ${dataDir(env)}`);
  await prepareDatabase(env, database.url, database.embedded);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({
      env: { ...env, WEB_ROOT: env.WEB_ROOT ?? resolve('dist/apps/web/browser') },
      databaseUrl: database.url,
      jwtSecret: jwtSecret(env.JWT_SECRET, dataDir(env)),
      // The embedded server stops after Nest has closed its connections.
      onShutdown: database.stop,
    }),
    { bufferLogs: true },
  );
  configureApp(app);
  exitCleanlyOnSignals(app);
  await app.listen(env.PORT, '0.0.0.0');
  logger.log(`listening on http://localhost:${env.PORT} (API under /api${env.NODE_ENV === 'production' ? '' : ', docs at /api/docs'})`);
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
