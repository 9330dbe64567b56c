import { Locale, Role } from '@jinan/contracts';
import { EntityManager } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * The auth domain's SQL: accounts, sessions (revoked tokens, token versions), password
 * reset links and the abuse counters. `db` is the DataSource's or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

export interface SessionUserRow {
  id: string;
  role: Role;
  organization_id: string | null;
  time_zone: string;
}

/**
 * The user a token speaks for, in one query: the user still exists, the password has not
 * changed since (token_version) and this very token was not logged out (revoked_tokens).
 */
export async function sessionUserOf(db: Db, userId: string, tokenVersion: number, tokenId: string | null): Promise<SessionUserRow | undefined> {
  const [row] = await db.query(
    `SELECT id, role, organization_id, time_zone FROM users
      WHERE id = $1 AND token_version = $2 AND anonymised_at IS NULL
        AND ($3::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $3::uuid))`,
    [userId, tokenVersion, tokenId],
  );
  return row;
}

/** An account not erased, with its password hash (not selected by default), by e-mail. */
export function loginUser(db: EntityManager, email: string): Promise<User | null> {
  return db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email AND u.anonymised_at IS NULL', { email }).getOne();
}

/** The account with this e-mail, erased or not. */
export function userByEmail(db: EntityManager, email: string): Promise<User | null> {
  return db.getRepository(User).findOne({ where: { email } });
}

export function insertUser(tx: EntityManager, user: Partial<User>): Promise<User> {
  const repo = tx.getRepository(User);
  return repo.save(repo.create(user));
}

export function userById(db: EntityManager, id: string): Promise<User> {
  return db.getRepository(User).findOneByOrFail({ id });
}

export function userWithPasswordHash(db: EntityManager, id: string): Promise<User> {
  return db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOneOrFail();
}

export async function updateUser(tx: EntityManager, id: string, changes: Partial<User>): Promise<void> {
  await tx.getRepository(User).update({ id }, changes);
}

/** Revokes one token (by its id) until it would have expired anyway (epoch seconds). */
export async function revokeToken(tx: Db, tokenId: string, userId: string, expiresAtEpoch: number): Promise<void> {
  await tx.query(`INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT (jti) DO NOTHING`, [
    tokenId,
    userId,
    expiresAtEpoch,
  ]);
}

/** Every token issued to the user so far stops working (JwtAuthGuard compares token_version). */
export async function bumpTokenVersion(tx: Db, userId: string): Promise<void> {
  await tx.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [userId]);
}

/** Revocations of tokens that have expired anyway are forgotten. */
export async function purgeExpiredRevocations(tx: Db): Promise<void> {
  await tx.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
}

export async function revokeCalendarFeeds(tx: Db, userId: string): Promise<void> {
  await tx.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}

export async function setPasswordHash(tx: Db, userId: string, passwordHash: string): Promise<void> {
  await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
}

export interface ResetRecipient {
  id: string;
  email: string;
  locale: Locale;
}

/** The account (not erased) a reset link for `email` would go to. */
export async function resetRecipient(db: Db, email: string): Promise<ResetRecipient | undefined> {
  const [user] = await db.query(`SELECT id, email, locale FROM users WHERE email = $1 AND anonymised_at IS NULL`, [email]);
  return user;
}

export async function insertPasswordReset(tx: Db, userId: string, tokenHash: string, ttlMinutes: number): Promise<void> {
  await tx.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + $3 * interval '1 minute')`, [
    userId,
    tokenHash,
    ttlMinutes,
  ]);
}

/** The unused, unexpired link with this token hash of an account not erased, locked for the rest of the transaction. */
export async function lockOpenReset(tx: Db, tokenHash: string): Promise<{ id: string; user_id: string } | undefined> {
  const [reset] = await tx.query(
    `SELECT r.id, r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.anonymised_at IS NULL
      FOR UPDATE OF r`,
    [tokenHash],
  );
  return reset;
}

/** Marks every open link of the account used. */
export async function closeOpenResets(tx: Db, userId: string): Promise<void> {
  await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
}

/** The counter's hits in its current window and when that ends (epoch ms); undefined when none runs. */
export async function readAbuseCounter(db: Db, key: string): Promise<{ hits: number; until: number } | undefined> {
  const [row] = await db.query(
    `SELECT hits, (extract(epoch FROM expires_at) * 1000)::float8 AS until FROM throttle_counters WHERE key = $1 AND expires_at > now()`,
    [key],
  );
  return row;
}

/** Counts one hit (a window of `windowMs` starts when none runs); returns the hits in the window. */
export async function countAbuseHit(db: Db, key: string, windowMs: number): Promise<number> {
  const [row] = await db.query(
    `INSERT INTO throttle_counters AS c (key, hits, expires_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
       expires_at = CASE WHEN c.expires_at <= now() THEN now() + $2 * interval '1 millisecond' ELSE c.expires_at END
     RETURNING hits`,
    [key, windowMs],
  );
  return row.hits;
}
