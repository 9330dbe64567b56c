import { Logger } from '@nestjs/common';
import { Environment } from '../config/environment';
import { createDataSource, migrate } from '../database/data-source';
import { seedDemoIfEmpty } from '../database/seed/demo-seed';

/** Migrations, then the demo edition into an empty database (never in production). */
export async function prepareDatabase(env: Environment, url: string): Promise<void> {
  const logger = new Logger('Database');
  const dataSource = await createDataSource(url, 2).initialize();
  try {
    const applied = await migrate(dataSource);
    if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
    if (env.SEED_DEMO === 'true' && env.NODE_ENV !== 'production') {
      const seeded = await seedDemoIfEmpty(dataSource);
      if (seeded) logger.log(`seeded demo data: ${seeded}`);
    }
  } finally {
    await dataSource.destroy();
  }
}
