import { normaliseText } from '@jinan/matching';

/**
 * Folds the character variants of Chinese (traditional → simplified) and Japanese
 * (shinjitai → simplified), NFKC-normalises full-width forms and lower-cases, so
 * "医療機器", "醫療器械" and "医疗器械" share their characters in search. The matching
 * engine's normaliser, so search and matching see the same text.
 */
export function normaliseForSearch(text: string): string {
  return normaliseText(text).toLowerCase();
}

/** One searchable string from every language of a record. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return normaliseForSearch(parts.filter((p): p is string => !!p).join(' \u0001 '));
}

/** A LIKE pattern matching `query` literally anywhere (escapes %, _ and \\). */
export function containsPattern(query: string): string {
  return `%${normaliseForSearch(query.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
