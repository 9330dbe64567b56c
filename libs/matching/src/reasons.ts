/**
 * The reason catalogue and its formatter alone (`@jinan/matching/reasons`), for the web:
 * the engine's entry point carries the concept table (megabytes of dictionary data) that a
 * page rendering reasons must not download.
 */
export type { MessageKey, Reason, ReasonKey } from './lib/reasons';
export { LIST_SEPARATORS, REASON_MESSAGES, REASON_PARAM_LABELS, explain, formatReason } from './lib/reasons';
