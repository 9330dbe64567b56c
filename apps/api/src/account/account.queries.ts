import { EntityManager } from 'typeorm';

/**
 * The account domain's SQL: what is exported about a person (PIPL / APPI), their consent,
 * and how a person is erased from every table that holds something about them.
 * `db` is the DataSource's or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

export interface PersonForExport {
  organization_id: string | null;
  consent: Record<string, unknown> | null;
  anonymised_at: Date | null;
}

export async function personForExport(db: Db, userId: string): Promise<PersonForExport | undefined> {
  const [user] = await db.query(`SELECT organization_id, consent, anonymised_at FROM users WHERE id = $1`, [userId]);
  return user;
}

/** One section of the export; sections that use the organisation ($2) get it. */
export function exportSection(
  db: Db,
  section: keyof typeof EXPORT_SECTIONS,
  userId: string,
  organizationId: string | null,
): Promise<Record<string, unknown>[]> {
  const sql = EXPORT_SECTIONS[section];
  return db.query(sql, sql.includes('$2') ? [userId, organizationId] : [userId]);
}

/** The password hash of a person not erased (undefined when there is none). */
export async function activePasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.query(`SELECT password_hash FROM users WHERE id = $1 AND anonymised_at IS NULL`, [userId]);
  return row?.password_hash;
}

export async function isActiveUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.query(`SELECT role FROM users WHERE id = $1 AND anonymised_at IS NULL`, [userId]);
  return !!row;
}

/** The stored consent JSON; `forUpdate` locks the row for the rest of the transaction. */
export async function consentOf(db: Db, userId: string, forUpdate = false): Promise<Record<string, unknown> | null> {
  const [row] = await db.query(`SELECT consent FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [userId]);
  return row.consent;
}

export async function saveConsent(tx: Db, userId: string, consent: object): Promise<void> {
  await tx.query(`UPDATE users SET consent = $2, updated_at = now() WHERE id = $1`, [userId, JSON.stringify(consent)]);
}

/** Locks the user row for the rest of the transaction. */
export async function lockUser(tx: Db, userId: string): Promise<void> {
  await tx.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
}

/** Each section of the export: a query over the user id ($1) and their organisation ($2). */
export const EXPORT_SECTIONS = {
  profile: `SELECT id, email, role, full_name AS "fullName", phone, locale, time_zone AS "timeZone", email_reminders AS "emailReminders",
                   created_at AS "createdAt", updated_at AS "updatedAt" FROM users WHERE id = $1`,
  organization: `SELECT * FROM organizations WHERE id = $2 AND $1::uuid IS NOT NULL`,
  // The organisation's meetings: the person took part in them as its delegate.
  meetings: `SELECT m.id, m.edition_id AS "editionId", m.status, m.sector, m.origin, m.message, m.created_at AS "createdAt",
                    jp.name_ja AS "japaneseFirm", cn.name_zh AS "jinanCompany"
               FROM meetings m JOIN organizations jp ON jp.id = m.jp_organization_id JOIN organizations cn ON cn.id = m.cn_organization_id
              WHERE $2::uuid IN (m.jp_organization_id, m.cn_organization_id) AND $1::uuid IS NOT NULL ORDER BY m.created_at`,
  meetingActions: `SELECT meeting_id AS "meetingId", action, from_status AS "from", to_status AS "to", note, at
                     FROM meeting_transitions WHERE actor_id = $1 ORDER BY at`,
  messages: `SELECT id, meeting_id AS "meetingId", body, created_at AS "createdAt" FROM meeting_messages WHERE author_id = $1 ORDER BY id`,
  feedback: `SELECT meeting_id AS "meetingId", stage, rating, outcome, note, at FROM meeting_feedback WHERE author_id = $1 ORDER BY at`,
  notifications: `SELECT id, kind, meeting_id AS "meetingId", payload, created_at AS "createdAt", read_at AS "readAt", email_status AS "emailStatus"
                    FROM notifications WHERE user_id = $1 ORDER BY id`,
  auditEntries: `SELECT id, at, action, entity, entity_id AS "entityId", edition_id AS "editionId", details,
                        CASE WHEN actor_id = $1 THEN 'by them' ELSE 'about them' END AS "relation"
                   FROM audit_log WHERE actor_id = $1 OR (entity = 'user' AND entity_id = $1) ORDER BY at`,
  calendarFeeds: `SELECT created_at AS "createdAt", revoked_at AS "revokedAt" FROM calendar_feeds WHERE user_id = $1 ORDER BY created_at`,
  passwordResets: `SELECT created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt" FROM password_resets WHERE user_id = $1 ORDER BY created_at`,
} as const;

const REMOVED = '[removed at the author\u2019s request]';

/** What an erased person is called wherever their name was shown (meetings, messages, the audit trail). */
export const FORMER_DELEGATE = 'former delegate';

/**
 * Erases a person in one transaction: the account row is anonymised (kept, so meetings,
 * messages and the audit trail still point at "former delegate"), everything addressed
 * to or written by them that can hold personal data is deleted or blanked, and every
 * token and calendar feed stops working. Company-level records stay (meetings, ratings
 * and outcomes of feedback): they belong to the organisation, not the person.
 */
export async function erasePerson(tx: Db, userId: string): Promise<void> {
  await tx.query(
    `UPDATE users SET email = 'erased-' || id || '@erased.invalid', password_hash = '!erased', full_name = $2, phone = NULL,
                      consent = '{}', anonymised_at = now(), token_version = token_version + 1, updated_at = now()
      WHERE id = $1`,
    [userId, FORMER_DELEGATE],
  );
  await tx.query(`UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  for (const table of ['notifications', 'idempotency_keys', 'password_resets', 'revoked_tokens']) {
    await tx.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
  }
  // Message excerpts were copied into the counterparts' notifications: those go first, while the bodies still match.
  await tx.query(
    `UPDATE notifications n SET payload = jsonb_set(n.payload, '{note}', to_jsonb($2::text))
       FROM meeting_messages mm
      WHERE mm.author_id = $1 AND n.kind = 'meeting.message' AND n.meeting_id = mm.meeting_id
        AND left(mm.body, length(n.payload->>'note')) = n.payload->>'note'`,
    [userId, REMOVED],
  );
  await tx.query(`UPDATE meeting_messages SET body = $2 WHERE author_id = $1`, [userId, REMOVED]);
  await tx.query(`UPDATE meeting_feedback SET note = NULL WHERE author_id = $1`, [userId]);
  await tx.query(`UPDATE meeting_transitions SET note = NULL WHERE actor_id = $1`, [userId]);
  // Audit rows about the account kept their action and time; their details (old names, contact changes) go.
  await tx.query(`UPDATE audit_log SET details = '{}' WHERE entity = 'user' AND entity_id = $1`, [userId]);
}
