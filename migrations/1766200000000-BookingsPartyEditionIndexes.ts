import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A party's bookings of one edition straight from an index (the agenda, AGENDA_SQL): the
 * party indexes had no edition, so PostgreSQL intersected a party's bookings of every round
 * with a bitmap of the whole edition's bookings — 7,500 entries per agenda read at 10×, 75,000
 * at 100×, where the agenda became PostgreSQL-bound (a bare server on the same SQL saturated
 * at 247 req/s). With the edition second, a read touches the party's rows alone; the party
 * first still serves lookups by party and time.
 */
export class BookingsPartyEditionIndexes1766200000000 implements MigrationInterface {
  name = 'BookingsPartyEditionIndexes1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bookings_jp_edition_idx ON bookings (jp_organization_id, edition_id, during)`);
    await q.query(`CREATE INDEX bookings_cn_edition_idx ON bookings (cn_organization_id, edition_id, during)`);
    await q.query(`DROP INDEX bookings_jp_idx`);
    await q.query(`DROP INDEX bookings_cn_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bookings_jp_idx ON bookings (jp_organization_id, during)`);
    await q.query(`CREATE INDEX bookings_cn_idx ON bookings (cn_organization_id, during)`);
    await q.query(`DROP INDEX bookings_jp_edition_idx`);
    await q.query(`DROP INDEX bookings_cn_edition_idx`);
  }
}
