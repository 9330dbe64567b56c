import type { ScheduleResult } from '@jinan/scheduling';
import { EntityManager } from 'typeorm';
import { assignSeats, SeatDemand } from './seat-assignment';
import { LoadedInput } from './scheduling-input';

/** The input changed while the engine ran (a party declined, the bureau moved something). */
export class StaleScheduleInput extends Error {
  constructor(meetingIds: string[]) {
    super(`${meetingIds.length} meeting(s) changed during the run (first: ${meetingIds[0]})`);
  }
}

export interface WriteSummary {
  booked: number;
  scheduled: number;
  unscheduled: number;
  moved: number;
}

/**
 * Writes one run's result in the caller's transaction: bookings of movable meetings are
 * replaced, newly placed meetings become scheduled, meetings that lost their place go
 * back to accepted, and a moved published slot must be published again. Refuses
 * (StaleScheduleInput) when any meeting changed since the input was read.
 */
export async function writeSchedule(
  tx: EntityManager,
  editionId: string,
  runId: string,
  actorId: string | null,
  loaded: LoadedInput,
  result: ScheduleResult,
): Promise<WriteSummary> {
  // One writer per edition at a time; the run's snapshot must still be current.
  await tx.query('SELECT id FROM editions WHERE id = $1 FOR UPDATE', [editionId]);
  const ids = [...loaded.meetings.keys()];
  const current: { id: string; version: number }[] = await tx.query('SELECT id, version FROM meetings WHERE id = ANY($1::uuid[]) FOR UPDATE', [ids]);
  const changed = current.filter((m) => loaded.meetings.get(m.id)?.version !== m.version).map((m) => m.id);
  if (changed.length || current.length !== ids.length) throw new StaleScheduleInput(changed.length ? changed : ids);

  const placed = new Map(result.assignments.map((a) => [a.meetingId, a]));
  const movable = [...loaded.meetings.values()].filter((m) => !m.pinned);
  await tx.query('DELETE FROM bookings WHERE meeting_id = ANY($1::uuid[])', [movable.map((m) => m.id)]);

  // Seats: pinned bookings keep theirs; everything placed now gets one per party.
  const demands: SeatDemand[] = [];
  for (const m of loaded.meetings.values()) {
    const a = placed.get(m.id);
    if (!a) continue;
    const slot = loaded.slots.get(a.slotId)!;
    const fixed = m.pinned ? m.booking : null;
    demands.push({ key: `${m.id}:jp`, organizationId: m.jpOrganizationId, start: slot.start, end: slot.end, seat: fixed?.jpSeat });
    demands.push({ key: `${m.id}:cn`, organizationId: m.cnOrganizationId, start: slot.start, end: slot.end, seat: fixed?.cnSeat });
  }
  const seats = assignSeats(demands, (id) => loaded.delegates.get(id) ?? 1);

  const rows = movable.flatMap((m) => {
    const a = placed.get(m.id);
    if (!a) return [];
    const slot = loaded.slots.get(a.slotId)!;
    return [{ m, a, slot, tableId: loaded.tableIds.get(a.sessionId)!.get(a.table)! }];
  });
  if (rows.length) {
    await tx.query(
      `INSERT INTO bookings (meeting_id, edition_id, session_id, slot_id, table_id, during, jp_organization_id, jp_seat, cn_organization_id, cn_seat, run_id)
       SELECT b.meeting_id, $1, b.session_id, b.slot_id, b.table_id, tstzrange(b.s, b.e), b.jp, b.jp_seat, b.cn, b.cn_seat, $2
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::uuid[], $10::smallint[], $11::uuid[], $12::smallint[])
           AS b(meeting_id, session_id, slot_id, table_id, s, e, jp, jp_seat, cn, cn_seat)`,
      [
        editionId,
        runId,
        rows.map((r) => r.m.id),
        rows.map((r) => r.a.sessionId),
        rows.map((r) => r.a.slotId),
        rows.map((r) => r.tableId),
        rows.map((r) => new Date(r.slot.start)),
        rows.map((r) => new Date(r.slot.end)),
        rows.map((r) => r.m.jpOrganizationId),
        rows.map((r) => seats.get(`${r.m.id}:jp`)),
        rows.map((r) => r.m.cnOrganizationId),
        rows.map((r) => seats.get(`${r.m.id}:cn`)),
      ],
    );
  }

  const samePlace = (m: (typeof movable)[number]) => {
    const a = placed.get(m.id);
    return !!a && !!m.booking && m.booking.slotId === a.slotId && m.booking.tableNumber === a.table;
  };
  const toSchedule = movable.filter((m) => m.status === 'accepted' && placed.has(m.id)).map((m) => m.id);
  const toUnschedule = movable.filter((m) => m.status !== 'accepted' && !placed.has(m.id)).map((m) => m.id);
  // A published slot that moved is no longer what the parties were told: publish again.
  const republish = movable.filter((m) => m.status === 'scheduled' && m.published && placed.has(m.id) && !samePlace(m)).map((m) => m.id);

  await tx.query(`UPDATE meetings SET status = 'scheduled', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [toSchedule]);
  await tx.query(
    `UPDATE meetings SET status = 'accepted', slot_published_at = NULL, jp_confirmed_at = NULL, cn_confirmed_at = NULL,
            version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
    [toUnschedule],
  );
  await tx.query(
    `UPDATE meetings SET slot_published_at = NULL, jp_confirmed_at = NULL, cn_confirmed_at = NULL, version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    [republish],
  );
  const transitions = [
    ...toSchedule.map((id) => ({ id, action: 'schedule', from: 'accepted', to: 'scheduled' })),
    ...toUnschedule.map((id) => ({ id, action: 'unschedule', from: loaded.meetings.get(id)!.status, to: 'accepted' })),
  ];
  if (transitions.length) {
    await tx.query(
      `INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note)
       SELECT t.id, $1, 'bureau', t.action, t.from_status, t.to_status, $2
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(id, action, from_status, to_status)`,
      [
        actorId,
        `scheduler run ${runId}`,
        transitions.map((t) => t.id),
        transitions.map((t) => t.action),
        transitions.map((t) => t.from),
        transitions.map((t) => t.to),
      ],
    );
  }
  return { booked: rows.length, scheduled: toSchedule.length, unscheduled: toUnschedule.length, moved: republish.length };
}
