import { MeetingStatus, PENDING_MEETING_STATUSES, Sector } from '@jinan/contracts';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Edition } from '../editions/edition.entity';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { ContactRow, TransitionRow } from './meeting.view';
import { Meeting } from './meeting.entity';
import { PENDING_REQUEST_STATUSES } from './request-quota';

/**
 * The meetings domain's SQL: meetings and their history, the parties' contacts, the
 * expiry sweep and idempotency keys. (Slots a meeting could take: slot-options.queries.ts;
 * the booked slot: meeting-slot.queries.ts; self-booking: self-booking.queries.ts;
 * messages: meeting-messages.queries.ts.) `db` is the DataSource's or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

// ---- meetings ----

export interface MeetingFilters {
  /** Only the meetings this organisation is a party of (a party's own view; null: none); undefined: all (the bureau). */
  own?: string | null;
  status?: MeetingStatus;
  sector?: Sector;
  organizationId?: string;
  /** Only pending meetings whose answer deadline is at or before this, soonest first; else newest first. */
  expiringBy?: Date;
}

function withRelations(qb: SelectQueryBuilder<Meeting>): SelectQueryBuilder<Meeting> {
  return qb.innerJoinAndSelect('m.jpOrganization', 'jp').innerJoinAndSelect('m.cnOrganization', 'cn').leftJoinAndSelect('m.offer', 'offer');
}

/** One page of the edition's meetings with both organisations and the offer, and the total. */
export function listMeetings(db: EntityManager, editionId: string, f: MeetingFilters, page: number, pageSize: number): Promise<[Meeting[], number]> {
  const qb = withRelations(db.getRepository(Meeting).createQueryBuilder('m')).where('m.edition_id = :editionId', { editionId });
  if (f.own !== undefined) qb.andWhere('(m.jp_organization_id = :own OR m.cn_organization_id = :own)', { own: f.own });
  if (f.status) qb.andWhere('m.status = :status', { status: f.status });
  if (f.sector) qb.andWhere('m.sector = :sector', { sector: f.sector });
  if (f.organizationId) qb.andWhere('(m.jp_organization_id = :org OR m.cn_organization_id = :org)', { org: f.organizationId });
  if (f.expiringBy) {
    qb.andWhere('m.status IN (:...pending) AND m.answer_deadline <= :until', { pending: PENDING_MEETING_STATUSES, until: f.expiringBy });
    qb.orderBy('m.answer_deadline', 'ASC');
  } else {
    qb.orderBy('m.created_at', 'DESC');
  }
  return qb
    .addOrderBy('m.id')
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
}

/** The meeting with both organisations and the offer. */
export function meetingWithRelations(db: EntityManager, id: string): Promise<Meeting | null> {
  return withRelations(db.getRepository(Meeting).createQueryBuilder('m')).where('m.id = :id', { id }).getOne();
}

export function meetingById(db: EntityManager, id: string): Promise<Meeting | null> {
  return db.getRepository(Meeting).findOneBy({ id });
}

/** The meeting, locked for the rest of the transaction (concurrent answers queue here). */
export function lockMeeting(tx: EntityManager, id: string): Promise<Meeting | null> {
  return tx.getRepository(Meeting).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Compare-and-swap: writes `changes` and bumps the version only if it is still `version`; false when someone else changed it. */
export async function swapMeeting(tx: EntityManager, id: string, version: number, changes: Partial<Meeting>): Promise<boolean> {
  const swapped = await tx
    .createQueryBuilder()
    .update(Meeting)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return swapped.affected === 1;
}

export function insertMeeting(tx: EntityManager, meeting: Partial<Meeting>): Promise<Meeting> {
  const repo = tx.getRepository(Meeting);
  return repo.save(repo.create(meeting));
}

/** The meeting of this pair in the edition, if there is one (one per pair and edition). */
export async function findPair(db: Db, editionId: string, jpId: string, cnId: string): Promise<{ id: string; status: MeetingStatus } | undefined> {
  const [row] = await db.query('SELECT id, status FROM meetings WHERE edition_id = $1 AND jp_organization_id = $2 AND cn_organization_id = $3', [
    editionId,
    jpId,
    cnId,
  ]);
  return row;
}

/**
 * How many of a firm's own requests in the edition wait for an answer (they count against
 * its quota). Call it under lockFirmRequests, so the count stays true while the new
 * request is written.
 */
export async function pendingRequests(tx: Db, editionId: string, jpOrganizationId: string): Promise<number> {
  const [{ pending }] = await tx.query(
    `SELECT count(*)::int AS pending FROM meetings WHERE edition_id = $1 AND jp_organization_id = $2 AND origin = 'request' AND status = ANY($3)`,
    [editionId, jpOrganizationId, PENDING_REQUEST_STATUSES],
  );
  return pending;
}

/** One creation at a time per Japanese firm and edition (until the transaction ends): the quota count stays true. */
export async function lockFirmRequests(tx: Db, editionId: string, jpOrganizationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`meetings:${editionId}:${jpOrganizationId}`]);
}

/** Pending meetings whose answer deadline is at or before `now`, oldest deadline first; rows being answered now are skipped. */
export async function lockOverdueMeetings(tx: Db, now: Date, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM meetings
      WHERE status = ANY($1) AND answer_deadline <= $2
      ORDER BY answer_deadline, id
      LIMIT $3
      FOR UPDATE SKIP LOCKED`,
    [PENDING_MEETING_STATUSES, now, limit],
  );
  return rows.map((r) => r.id);
}

// ---- history ----

/** A row of the meeting's history (creation has no `from`). */
export async function insertTransition(
  tx: Db,
  t: { meetingId: string; actorId: string | null; side: string; action: string; from: MeetingStatus | null; to: MeetingStatus; note: string | null; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [t.meetingId, t.actorId, t.side, t.action, t.from, t.to, t.note, t.at],
  );
}

/** The meeting's history with each actor's name and organisation, in order. */
export function transitionRows(db: Db, meetingId: string): Promise<TransitionRow[]> {
  return db.query(
    `SELECT t.at, t.action, t.from_status, t.to_status, t.actor_id, t.actor_role, t.note,
            u.full_name AS actor_name, u.organization_id AS actor_organization_id
       FROM meeting_transitions t LEFT JOIN users u ON u.id = t.actor_id
      WHERE t.meeting_id = $1
      ORDER BY t.id`,
    [meetingId],
  );
}

// ---- the parties ----

/** The delegates of these organisations (anonymised people left out), by name. */
export function contactRows(db: Db, organizationIds: string[]): Promise<ContactRow[]> {
  return db.query(
    `SELECT organization_id, full_name, email, phone,
            coalesce((consent->>'shareContactWithAcceptedCounterparts')::boolean, false) AS shares_contact
       FROM users WHERE organization_id = ANY($1) AND anonymised_at IS NULL ORDER BY full_name`,
    [organizationIds],
  );
}

export function organizationById(db: EntityManager, id: string): Promise<Organization | null> {
  return db.getRepository(Organization).findOneBy({ id });
}

export function offerById(db: EntityManager, id: string): Promise<Offer | null> {
  return db.getRepository(Offer).findOneBy({ id });
}

/** The edition (which must exist: the meeting refers to it). */
export function editionOfMeeting(tx: EntityManager, editionId: string): Promise<Edition> {
  return tx.getRepository(Edition).findOneByOrFail({ id: editionId });
}

// ---- idempotency keys ----

/** Claims the key for the user; false when it was already claimed (a concurrent claim waits on the primary key). */
export async function claimIdempotencyKeyRow(tx: Db, userId: string, key: string, hash: string, now: Date): Promise<boolean> {
  const claimed: unknown[] = await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [userId, key, hash, now],
  );
  return claimed.length > 0;
}

export async function idempotencyKeyRow(tx: Db, userId: string, key: string): Promise<{ request_hash: string; response: unknown }> {
  const [stored] = await tx.query('SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key]);
  return stored;
}

export async function saveIdempotentResponse(tx: Db, userId: string, key: string, status: number, response: unknown): Promise<void> {
  await tx.query('UPDATE idempotency_keys SET response_status = $3, response = $4 WHERE user_id = $1 AND key = $2', [
    userId,
    key,
    status,
    JSON.stringify(response),
  ]);
}

/** Forgets the keys older than `ttlHours`; returns how many. */
export async function deleteIdempotencyKeysBefore(tx: Db, now: Date, ttlHours: number): Promise<number> {
  const [, count] = await tx.query(`DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz - make_interval(hours => $2)`, [now, ttlHours]);
  return count as number;
}
