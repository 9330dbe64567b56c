import { MeetingStatus, SlotProposalView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';

/**
 * Self-booking's SQL (editions in `participants` mode): the meeting with its edition's
 * mode, slot proposals, and the booking's moves. The slots on offer are in
 * slot-options.queries.ts. `db` is the DataSource's or a transaction's manager.
 */
type Db = Pick<EntityManager, 'query'>;

export interface SelfBookingMeeting {
  id: string;
  edition_id: string;
  status: MeetingStatus;
  jp_organization_id: string;
  cn_organization_id: string;
  scheduling_mode: string;
  time_zone: string;
}

export interface SlotProposalRow {
  id: string;
  slot_id: string;
  side: 'jp' | 'cn';
  status: SlotProposalView['status'];
  created_at: Date;
  starts_at: Date;
  ends_at: Date;
}

/** The meeting with its edition's scheduling mode and zone. */
export async function selfBookingMeeting(db: Db, id: string): Promise<SelfBookingMeeting | undefined> {
  const [row] = await db.query(
    `SELECT m.id, m.edition_id, m.status, m.jp_organization_id, m.cn_organization_id, e.scheduling_mode, e.time_zone
       FROM meetings m JOIN editions e ON e.id = m.edition_id WHERE m.id = $1`,
    [id],
  );
  return row;
}

/** When the parties booked the slot themselves (null: placed by the optimiser or the bureau, or not booked). */
export async function setSelfBookedAt(tx: Db, meetingId: string, at: Date | null): Promise<void> {
  if (at === null) await tx.query('UPDATE meetings SET self_booked_at = NULL WHERE id = $1', [meetingId]);
  else await tx.query('UPDATE meetings SET self_booked_at = $2 WHERE id = $1', [meetingId, at]);
}

export async function insertSlotProposal(tx: Db, p: { meetingId: string; slotId: string; proposedBy: string; side: 'jp' | 'cn'; at: Date }): Promise<string> {
  const [row] = await tx.query(`INSERT INTO slot_proposals (meeting_id, slot_id, proposed_by, side, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    p.meetingId,
    p.slotId,
    p.proposedBy,
    p.side,
    p.at,
  ]);
  return row.id;
}

/** The meeting's proposals with their slots' times, newest first. */
export function slotProposals(db: Db, meetingId: string): Promise<SlotProposalRow[]> {
  return db.query(
    `SELECT p.id, p.slot_id, p.side, p.status, p.created_at, s.starts_at, s.ends_at
       FROM slot_proposals p JOIN slots s ON s.id = p.slot_id WHERE p.meeting_id = $1 ORDER BY p.created_at DESC, p.id`,
    [meetingId],
  );
}

/** The proposed slot (read before the transaction, to name it in a 409). */
export async function proposedSlot(db: Db, proposalId: string, meetingId: string): Promise<string | null> {
  const [proposal] = await db.query(`SELECT slot_id FROM slot_proposals WHERE id = $1 AND meeting_id = $2`, [proposalId, meetingId]);
  return proposal?.slot_id ?? null;
}

/** The proposal, locked for the rest of the transaction (two answers queue here). */
export async function lockSlotProposal(
  tx: Db,
  proposalId: string,
  meetingId: string,
): Promise<{ id: string; slot_id: string; side: 'jp' | 'cn'; status: SlotProposalView['status'] } | undefined> {
  const [proposal] = await tx.query(`SELECT id, slot_id, side, status FROM slot_proposals WHERE id = $1 AND meeting_id = $2 FOR UPDATE`, [
    proposalId,
    meetingId,
  ]);
  return proposal;
}

export async function answerSlotProposal(tx: Db, proposalId: string, status: 'accepted' | 'declined', at: Date, by: string): Promise<void> {
  await tx.query(`UPDATE slot_proposals SET status = $2, answered_at = $3, answered_by = $4 WHERE id = $1`, [proposalId, status, at, by]);
}

/** The meeting's status, the row locked for the rest of the transaction. */
export async function lockMeetingStatus(tx: Db, meetingId: string): Promise<MeetingStatus> {
  const [locked] = await tx.query(`SELECT status FROM meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
  return locked.status;
}

export async function deleteBooking(tx: Db, meetingId: string): Promise<void> {
  await tx.query(`DELETE FROM bookings WHERE meeting_id = $1`, [meetingId]);
}

/** Both parties agreed on the moved slot: confirmed (and published, self-booked) at `at`. */
export async function confirmAgreedSlot(tx: Db, meetingId: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE meetings SET status = 'confirmed', slot_published_at = $2, jp_confirmed_at = $2, cn_confirmed_at = $2, self_booked_at = $2,
            version = version + 1, updated_at = $2 WHERE id = $1`,
    [meetingId, at],
  );
}
