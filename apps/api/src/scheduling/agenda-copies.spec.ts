import type { PartyRow } from './agenda-copies';
import { copiesByParty, COPY_BYTES, SHARED_ROW_BYTES } from './agenda-copies';

describe('copiesByParty', () => {
  const at = (iso: string) => new Date(iso);
  const row = (party: string, id: string, other: string, starts: string, published = true) =>
    ({
      party,
      id,
      other_id: other,
      name_en: `Company ${other}`,
      starts_at: at(starts),
      table_number: 3,
      confirmed_by_me: false,
      published,
    }) as unknown as PartyRow;

  it("groups the rows by party, each party's in the agenda's order (start, table), without the party and published columns, published ones only, their repeated instants shared", () => {
    const copies = copiesByParty([
      row('a', 'm2', 'y', '2027-05-27T02:00:00Z'),
      row('x', 'm1', 'a', '2027-05-27T01:00:00Z'),
      row('a', 'm1', 'x', '2027-05-27T01:00:00Z'),
      row('a', 'm3', 'z', '2027-05-27T03:00:00Z', false),
      row('z', 'm3', 'a', '2027-05-27T03:00:00Z', false),
    ]);
    expect([...copies.keys()].sort()).toEqual(['a', 'x']);
    const a = copies.get('a')?.rows ?? [];
    const x = copies.get('x')?.rows ?? [];
    expect(a.map((r) => r['id'])).toEqual(['m1', 'm2']);
    expect(x[0]).toEqual({ id: 'm1', other_id: 'a', name_en: 'Company a', starts_at: at('2027-05-27T01:00:00Z'), table_number: 3, confirmed_by_me: false });
    expect(Object.keys(x[0] ?? {})).toEqual(['id', 'other_id', 'name_en', 'starts_at', 'table_number', 'confirmed_by_me']);
    // One Date for one instant, whichever party's row holds it.
    expect(a[0]?.['starts_at']).toBe(x[0]?.['starts_at']);
    expect(copies.get('a')?.bytes).toBe(COPY_BYTES + 2 * SHARED_ROW_BYTES);
  });
});
