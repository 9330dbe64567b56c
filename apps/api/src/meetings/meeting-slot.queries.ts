import { MeetingSlotView } from '@jinan/contracts';
import { EntityManager } from 'typeorm';

/** The slot, table and venue a meeting is booked at, or null. */
export async function bookedSlot(manager: EntityManager, meetingId: string): Promise<MeetingSlotView | null> {
  const [row] = await manager.query(
    `SELECT b.slot_id, b.session_id, lower(b.during) AS starts_at, upper(b.during) AS ends_at, t.number AS table_number, se.venue
       FROM bookings b
       JOIN negotiation_tables t ON t.id = b.table_id
       JOIN programme_sessions se ON se.id = b.session_id
      WHERE b.meeting_id = $1`,
    [meetingId],
  );
  if (!row) return null;
  return {
    slotId: row.slot_id,
    sessionId: row.session_id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    tableNumber: row.table_number,
    venue: row.venue,
  };
}
