import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { MemoryWindowStorage } from './memory-window-storage';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often expired counters are swept from the table. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Rate-limit counters for the named throttlers in PostgreSQL, so a limit holds across
 * every instance of a cluster (the login limit in particular: with per-process counters
 * an attacker gets N times the attempts behind N instances). Other throttlers stay in
 * memory: a database round trip on every request would cost more than the per-instance
 * general limit is worth.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('ThrottlerStorage');
  private readonly memory = new MemoryWindowStorage();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly shared: ReadonlySet<string>,
  ) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.shared.has(throttlerName)) return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
    // One statement, so concurrent attempts on any instance count exactly once each.
    // While blocked, hits stop counting; when the window ends the count restarts at 1.
    const [row] = await this.db.query(
      `WITH counted AS (
         INSERT INTO throttle_counters AS c (key, hits, expires_at, blocked_until)
         VALUES ($1, 1, now() + $2 * interval '1 millisecond', CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN c.blocked_until > now() THEN c.hits WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
           expires_at = CASE WHEN c.blocked_until > now() OR c.expires_at > now() THEN c.expires_at ELSE now() + $2 * interval '1 millisecond' END,
           blocked_until = CASE
             WHEN c.blocked_until > now() THEN c.blocked_until
             WHEN (CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END) > $3 THEN now() + $4 * interval '1 millisecond'
           END
         RETURNING hits, expires_at, blocked_until)
       SELECT hits,
              greatest(0, ceil(extract(epoch FROM expires_at - now())))::int AS time_to_expire,
              coalesce(blocked_until > now(), false) AS is_blocked,
              greatest(0, ceil(extract(epoch FROM coalesce(blocked_until, now()) - now())))::int AS time_to_block_expire
         FROM counted`,
      [key, ttl, limit, blockDuration],
    );
    return {
      totalHits: row.hits,
      timeToExpire: row.time_to_expire,
      isBlocked: row.is_blocked,
      timeToBlockExpire: row.time_to_block_expire,
    };
  }

  private async sweep(): Promise<void> {
    try {
      await this.db.query(`DELETE FROM throttle_counters WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
    } catch (error) {
      // The database may be restarting; the next sweep catches up.
      this.logger.debug(`sweep skipped: ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    this.memory.close();
  }
}
