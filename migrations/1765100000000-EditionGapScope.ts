import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the scheduler counts idle gaps: within each half-day (the lunch break is not idle
 * time) or within the whole day, for an edition whose half-days run on without a break.
 */
export class EditionGapScope1765100000000 implements MigrationInterface {
  name = 'EditionGapScope1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE editions ADD COLUMN gap_scope text NOT NULL DEFAULT 'half_day' CONSTRAINT editions_gap_scope_known CHECK (gap_scope IN ('half_day', 'day'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE editions DROP COLUMN gap_scope`);
  }
}
