/**
 * Version of the scoring algorithm (code); the weights carry their own version.
 * Bump it whenever the same input and weights could give a different output.
 */
export const ALGORITHM_VERSION = 'matching-2.2.0';
