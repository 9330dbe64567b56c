import { EntityManager } from 'typeorm';

/**
 * Publishes one session's scheduled, unpublished slots in set-based statements, in the
 * caller's transaction: what the state machine's 'publish' does meeting by meeting
 * (scheduled → scheduled with slot_published_at, version + 1, a transition row, an audit
 * row for the bureau), for a whole session at once; the caller queues the notifications
 * (NotificationsService.queuePublishNotices). At 1× the per-meeting path took 74 s for 1,500
 * meetings. Returns the meetings published.
 */
export async function publishSession(tx: EntityManager, editionId: string, sessionId: string, actorId: string, now: Date): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(
    `WITH published AS (
       UPDATE meetings m SET slot_published_at = $4, version = m.version + 1, updated_at = $4
         FROM bookings b
        WHERE b.meeting_id = m.id AND b.edition_id = $1 AND b.session_id = $2 AND m.edition_id = $1 AND m.status = 'scheduled' AND m.slot_published_at IS NULL
        RETURNING m.id, m.edition_id),
     transitions AS (
       INSERT INTO meeting_transitions (meeting_id, actor_id, actor_role, action, from_status, to_status, note, at)
       SELECT id, $3, 'bureau', 'publish', 'scheduled', 'scheduled', NULL, $4 FROM published),
     audited AS (
       INSERT INTO audit_log (actor_id, action, entity, entity_id, edition_id, details)
       SELECT $3, 'meeting.publish', 'meeting', id, edition_id, '{"from": "scheduled", "to": "scheduled"}'::jsonb FROM published)
     SELECT id FROM published ORDER BY id`,
    [editionId, sessionId, actorId, now],
  );
  return rows.map((r) => r.id);
}
