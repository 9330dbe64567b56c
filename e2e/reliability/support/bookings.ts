import { Client } from 'pg';

/** No table holds two meetings at once; no organization sits more meetings at once than it has delegates. */
export async function expectNoDoubleBooking(db: Client): Promise<void> {
  const {
    rows: [tables],
  } = await db.query(
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.table_id = b.table_id AND a.meeting_id < b.meeting_id AND a.during && b.during`,
  );
  expect(tables.n).toBe(0);
  const {
    rows: [parties],
  } = await db.query(
    `SELECT count(*)::int AS n FROM bookings a JOIN organizations o ON o.id IN (a.jp_organization_id, a.cn_organization_id)
      WHERE (SELECT count(*) FROM bookings b WHERE o.id IN (b.jp_organization_id, b.cn_organization_id) AND b.during && a.during) > o.delegates`,
  );
  expect(parties.n).toBe(0);
  // And every scheduled meeting has its place.
  const {
    rows: [unplaced],
  } = await db.query(
    `SELECT count(*)::int AS n FROM meetings m WHERE m.status IN ('scheduled', 'confirmed') AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.meeting_id = m.id)`,
  );
  expect(unplaced.n).toBe(0);
}
