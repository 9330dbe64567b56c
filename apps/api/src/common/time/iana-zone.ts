import { IANAZone } from 'luxon';

/** Zones already checked: luxon's check builds an Intl formatter on every call. */
const known = new Map<string, boolean>();

/** True for an IANA zone name such as Asia/Tokyo (cached: requests ask about the same few). */
export function isIanaZone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // Bounded: only names that turned out valid are kept beyond the check.
    if (valid || known.size < 1000) known.set(zone, valid);
  }
  return valid;
}
