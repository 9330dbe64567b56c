import { DataSource } from 'typeorm';

/** Lock namespaces, so that two kinds of job never share a key. */
export const LOCK_SPACE = { scheduleRun: 0, matchingRun: 1, incrementalMatching: 2, offerSearchIndex: 3 } as const;

/**
 * Runs `work` while holding a session-level advisory lock on `name`, on a connection of
 * its own; returns false without running when another session holds it. If the process
 * dies, the lock goes with its connection, so the work can be picked up elsewhere.
 */
export async function withTryAdvisoryLock(db: DataSource, space: number, name: string, work: () => Promise<void>): Promise<boolean> {
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock(hashtextextended($1, $2)) AS locked', [name, space]);
    if (!locked) return false;
    try {
      await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, $2))', [name, space]);
    }
    return true;
  } finally {
    await lock.release();
  }
}
