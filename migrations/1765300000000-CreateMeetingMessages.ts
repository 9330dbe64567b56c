import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message thread of a meeting (issue 13): the two parties and the bureau write in it.
 * Invariants: a message belongs to a meeting (gone with it), names the side that wrote it,
 * and is never empty or longer than 2000 characters. Authors may be erased (SET NULL): the
 * side stays, the name goes. New messages are announced through the notification outbox,
 * whose kinds now include 'meeting.message'.
 */
export class CreateMeetingMessages1765300000000 implements MigrationInterface {
  name = 'CreateMeetingMessages1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        author_side text NOT NULL CHECK (author_side IN ('jp', 'cn', 'bureau')),
        body text NOT NULL CHECK (btrim(body) <> '' AND char_length(body) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_messages_meeting_idx ON meeting_messages (meeting_id, id)`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('meeting.transition', 'meeting.message'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'meeting.message'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('meeting.transition'))`);
    await q.query(`DROP TABLE meeting_messages`);
  }
}
