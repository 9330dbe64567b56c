import { Logger } from '@nestjs/common';
import { Environment } from '../config/environment';
import { createDataSource, migrate } from '../database/data-source';
import { seedDemoIfEmpty } from '../database/seed/demo-seed';
import { DEMO_ENGINES } from './demo-engines';

/**
 * Whether to seed the demo edition, whose accounts have a published password: on the
 * embedded database (a developer's or a demo laptop; SEED_DEMO=false opts out) or when
 * DEMO=1 asks for it — never merely because NODE_ENV is unset on a real server.
 */
export function shouldSeedDemo(env: Pick<Environment, 'DEMO' | 'SEED_DEMO' | 'NODE_ENV'>, embedded: boolean): boolean {
  if (env.DEMO === '1') return true;
  return embedded && env.SEED_DEMO === 'true' && env.NODE_ENV !== 'production';
}

/** Migrations, then the demo edition into an empty database when shouldSeedDemo says so. */
export async function prepareDatabase(env: Environment, url: string, embedded: boolean): Promise<void> {
  const logger = new Logger('Database');
  const dataSource = await createDataSource(url, 2).initialize();
  try {
    const applied = await migrate(dataSource);
    if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
    if (shouldSeedDemo(env, embedded)) {
      const started = Date.now();
      const seeded = await seedDemoIfEmpty(dataSource, { size: env.DEMO_SIZE, engines: DEMO_ENGINES });
      if (seeded) logger.log(`seeded ${env.DEMO_SIZE} demo in ${Date.now() - started} ms: ${seeded}`);
    }
  } finally {
    await dataSource.destroy();
  }
}
