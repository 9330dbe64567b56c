import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing a session queues its notices as one job (one row per delegate of each meeting is
 * tens of thousands of rows at 100×, written after the publish commits). The job's batch id goes
 * here in the transaction that writes the notices: a job retried after its worker died past that
 * commit finds its batch and writes nothing twice.
 */
export class NoticeBatches1766700000000 implements MigrationInterface {
  name = 'NoticeBatches1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notice_batches (id uuid PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notice_batches`);
  }
}
