import { ValidationOptions } from 'class-validator';

/** Field length limits shared by the API's validation and the web forms. */
export const LIMITS = {
  name: 200,
  shortText: 500,
  longText: 4000,
  email: 254,
  passwordMin: 8,
  passwordMax: 128,
  pageSizeMax: 100,
  searchQuery: 200,
} as const;

/** Default and maximum page sizes for list endpoints. */
export const PAGE_SIZE_DEFAULT = 20;

export type Presence = 'required' | 'optional';

/** Message helper so every constraint message names the field the same way. */
export function named(message: string): ValidationOptions {
  return { message: `$property ${message}` };
}
