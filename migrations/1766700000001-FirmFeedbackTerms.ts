import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each firm's feedback words (the words pseudo-relevance feedback added to its query) as a
 * matching run scored it, kept beside its recommendations: with them an incremental pass computes
 * a changed offer's score for a firm the offer reaches without scoring that firm over every offer,
 * and leaves the firm alone when the offer cannot reach its lists (offerCanMoveFirm). A run's rows
 * go with its recommendations (deleteOtherRuns) or with the run.
 */
export class FirmFeedbackTerms1766700000001 implements MigrationInterface {
  name = 'FirmFeedbackTerms1766700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE firm_feedback_terms (
        run_id uuid NOT NULL REFERENCES matching_runs(id) ON DELETE CASCADE,
        jp_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        terms text[] NOT NULL,
        PRIMARY KEY (run_id, jp_organization_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE firm_feedback_terms`);
  }
}
