import { EntityManager } from 'typeorm';

/**
 * Ends every session and calendar feed of a user: tokens issued before stop working
 * (token_version, checked by JwtAuthGuard on each request) and feed addresses answer 404.
 * Used whenever the password changes (changed, reset) and when an account is erased:
 * someone who had the old password may have subscribed to the agenda.
 */
export async function revokeAllCredentials(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [userId]);
  await manager.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}
