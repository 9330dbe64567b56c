/**
 * Recommended meeting weight: 100 + 25 × (priority − 1) + matchScore / 4,
 * rounded, so 100 (priority 1, score 0) to 175 (priority 3, score 100).
 * Every meeting weighs at least 100 and at most 175 < 2 × 100: one heavy
 * meeting can outweigh one light one, never two. The schedule therefore
 * places as many meetings as it can first and prefers the important ones
 * among equals, which is what the product asks.
 */
export function meetingWeight(priority: 1 | 2 | 3, matchScore: number): number {
  const score = Math.min(100, Math.max(0, matchScore));
  return Math.round(100 + 25 * (priority - 1) + score / 4);
}
