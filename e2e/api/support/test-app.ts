import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module';
import { Clock } from '../../../apps/api/src/common/clock';
import { configureApp } from '../../../apps/api/src/bootstrap/configure-app';
import { loadEnvironment } from '../../../apps/api/src/config/environment';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../../apps/api/src/database/seed/demo-seed';
import { freshDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: DataSource;
  /** A bearer token for a demo account (logged in once per file, then cached). */
  token: (email: string) => Promise<string>;
  /** Authorization header for a demo account. */
  as: (email: string) => Promise<{ Authorization: string }>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Seed the demo edition, companies, offers and accounts (default true). */
  seed?: boolean;
  /** Environment overrides, e.g. a low login limit. */
  env?: Record<string, string>;
  /** The app's time source (default: the system clock). */
  clock?: Clock;
}

/**
 * The real API on a fresh copy of the migrated template database, driven through
 * HTTP with supertest. One per test file.
 */
export async function createTestApp(name: string, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = await freshDatabase(`${name}_${process.env['JEST_WORKER_ID'] ?? '0'}`);
  // Background jobs only where a test asks for them (JOBS_ENABLED: 'true').
  const env = loadEnvironment({ JOBS_ENABLED: 'false', ...process.env, ...options.env });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ env, databaseUrl, jwtSecret: env.JWT_SECRET!, clock: options.clock }), {
    bufferLogs: true,
    logger: false,
  });
  configureApp(app);
  await app.init();
  const db = app.get(DataSource);
  if (options.seed !== false) await seedDemoIfEmpty(db);
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const res = await http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(email, res.body.accessToken);
    return res.body.accessToken as string;
  };
  return {
    app,
    http,
    db,
    token,
    as: async (email) => ({ Authorization: `Bearer ${await token(email)}` }),
    close: () => app.close(),
  };
}
