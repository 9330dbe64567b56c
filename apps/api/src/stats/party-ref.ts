import { PartyRef } from '@jinan/contracts';

export type Row = Record<string, never>;

/** An organization read from a row's columns `<idKey>`, `<prefix>zh`, `<prefix>ja`, `<prefix>en`. */
export function partyRef(r: Row, idKey: string, prefix: string): PartyRef {
  return { id: r[idKey], name: { zh: r[`${prefix}zh`], ja: r[`${prefix}ja`], en: r[`${prefix}en`] } };
}
