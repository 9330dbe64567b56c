import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings are written again and again in place: published, confirmed by each party, moved
 * (version and updated_at each time), none of which touches an indexed column. With pages
 * packed full, each such update went to another page and added an entry to each of the nine
 * indexes (a heap-only tuple needs room on the row's own page); publishing a 10× session of
 * 2,500 meetings updated 40 % of them in place at fillfactor 70 and all of them at 50, and its
 * UPDATE fell from 458 to 130 ms (EXPLAIN ANALYZE). Pages written from now on keep half their
 * room; existing pages get it when the table is rewritten (VACUUM FULL meetings, or pg_repack
 * online: docs/operations.md).
 */
export class MeetingsFillfactor1766400000001 implements MigrationInterface {
  name = 'MeetingsFillfactor1766400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings SET (fillfactor = 50)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings RESET (fillfactor)`);
  }
}
