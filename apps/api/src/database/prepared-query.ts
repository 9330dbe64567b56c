import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a hot read as a named prepared statement: each pooled connection parses and plans it
 * once (PostgreSQL then keeps a generic plan) instead of on every request. At 10× planning
 * the agenda's six-table join took longer than running it (17–30 ms against 4–13 ms on the
 * loaded bench machine). Inside a transaction the manager's own connection runs it unnamed.
 */
export async function preparedQuery<T>(db: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (db.queryRunner) return db.query(text, values);
  const pool = (db.connection.driver as PostgresDriver).master as Pool;
  return (await pool.query({ name, text, values })).rows as T[];
}
