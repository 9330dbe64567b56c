import { EntityManager } from 'typeorm';
import { bumpTokenVersion, revokeCalendarFeeds } from './auth.queries';

/**
 * Ends every session and calendar feed of a user: tokens issued before stop working
 * (token_version, checked by JwtAuthGuard on each request) and feed addresses answer 404.
 * Used whenever the password changes (changed, reset) and when an account is erased:
 * someone who had the old password may have subscribed to the agenda.
 */
export async function revokeAllCredentials(manager: EntityManager, userId: string): Promise<void> {
  await bumpTokenVersion(manager, userId);
  await revokeCalendarFeeds(manager, userId);
}
