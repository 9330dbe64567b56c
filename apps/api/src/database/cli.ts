/**
 * npm run db:migrate | db:revert | db:reset | db:seed | db:create-bureau-user
 * Against DATABASE_URL, or the embedded server under .data/ when it is unset.
 */
import 'reflect-metadata';
import * as argon2 from 'argon2';
import { ARGON2 } from '../auth/password-hasher';
import { loadEnvironment } from '../config/environment';
import { createDataSource, migrate } from './data-source';
import { resolveDatabase } from './resolve-database';
import { seedDemoIfEmpty } from './seed/demo-seed';

async function main(command: string | undefined, args: string[]): Promise<void> {
  const env = loadEnvironment();
  const database = await resolveDatabase(env);
  const ds = await createDataSource(database.url, 2).initialize();
  try {
    switch (command) {
      case 'migrate':
        console.log(`applied: ${(await migrate(ds)).join(', ') || 'nothing to apply'}`);
        break;
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'reset': {
        const count = (await ds.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = $1', ['migrations']))[0].n
          ? (await ds.query('SELECT count(*)::int AS n FROM migrations'))[0].n
          : 0;
        for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' });
        console.log(`applied: ${(await migrate(ds)).join(', ')}`);
        break;
      }
      case 'seed':
        // The small edition: the living one needs the matching and scheduler runs, which npm start brings.
        console.log((await seedDemoIfEmpty(ds)) ?? 'database is not empty: nothing seeded');
        break;
      case 'create-bureau-user': {
        const [email, password, ...name] = args;
        if (!email || !password || password.length < 8) throw new Error('usage: db:create-bureau-user <email> <password (8+ chars)> [full name]');
        const hash = await argon2.hash(password, ARGON2);
        await ds.query(
          `INSERT INTO users (email, password_hash, role, full_name, locale, time_zone, consent) VALUES ($1, $2, 'bureau', $3, 'zh-CN', 'Asia/Shanghai', '{}')`,
          [email, hash, name.join(' ') || email],
        );
        console.log(`bureau user ${email} created`);
        break;
      }
      default:
        throw new Error('usage: cli.ts migrate | revert | reset | seed | create-bureau-user <email> <password> [name]');
    }
  } finally {
    await ds.destroy();
    await database.stop();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
