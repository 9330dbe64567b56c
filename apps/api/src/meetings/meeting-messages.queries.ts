import { EntityManager } from 'typeorm';

/** A stored message with its author's name and organization. */
export interface MessageRow {
  id: string;
  meeting_id: string;
  author_side: 'jp' | 'cn' | 'bureau';
  author_name: string | null;
  author_organization_id: string | null;
  body: string;
  created_at: Date;
}

const SELECT = `SELECT mm.id::text AS id, mm.meeting_id, mm.author_side, mm.body, mm.created_at,
                       u.full_name AS author_name, u.organization_id AS author_organization_id
                  FROM meeting_messages mm LEFT JOIN users u ON u.id = mm.author_id AND u.anonymised_at IS NULL`;

/** The whole thread, oldest first (threads are short: a few dozen messages per meeting). */
export function listMessages(manager: EntityManager, meetingId: string): Promise<MessageRow[]> {
  return manager.query(`${SELECT} WHERE mm.meeting_id = $1 ORDER BY mm.id`, [meetingId]);
}

export async function insertMessage(
  manager: EntityManager,
  m: { meetingId: string; authorId: string; side: MessageRow['author_side']; body: string; at: Date },
): Promise<MessageRow> {
  const [{ id }] = await manager.query(
    `INSERT INTO meeting_messages (meeting_id, author_id, author_side, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [m.meetingId, m.authorId, m.side, m.body, m.at],
  );
  const [row] = await manager.query(`${SELECT} WHERE mm.id = $1`, [id]);
  return row;
}
