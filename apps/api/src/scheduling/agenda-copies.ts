/** A party's agenda rows as AGENDA_SQL gives them (pg's row objects: strings, Dates, numbers, booleans). */
export type AgendaRows = Record<string, never>[];

/** What one party's copy holds, and the heap it is reckoned to take. */
export interface AgendaCopy {
  rows: AgendaRows;
  bytes: number;
}

/**
 * Heap per row (measured with `--expose-gc`, heapUsed before and after holding the rows): read
 * alone, every row has its own strings and Dates (1,150 B at 100×); filled from one read, a row's repeated
 * values — the counterpart's names, the offer's titles, the session, the instants — are shared
 * with the other rows that hold them, and what is left is the object and the meeting's id (208 B).
 */
export const ROW_BYTES = 1150;
export const SHARED_ROW_BYTES = 210;
/** A copy's own overhead beside its rows (entry, array, key). */
export const COPY_BYTES = 200;

/** One party's copy read alone. */
export function copyOf(rows: AgendaRows): AgendaCopy {
  return { rows, bytes: COPY_BYTES + ROW_BYTES * rows.length };
}

/** An edition's rows as EDITION_AGENDA_SQL gives them: AGENDA_SQL's, with the party they are for and whether published. */
export type PartyRow = { party: string; published: boolean } & Record<string, never>;

/**
 * Every party's copy of its published agenda, built from an edition's rows batch by batch (in
 * any order), the values rows repeat shared: a 100× round's 150,000 rows name 5,768 parties,
 * 75,000 offers, a few hundred instants. `done` puts each party's rows in AGENDA_SQL's order
 * (start, then table number: one party is at one table at a time).
 */
export class SharedCopies {
  private readonly strings = new Map<string, string>();
  private readonly instants = new Map<number, Date>();
  private readonly copies = new Map<string, AgendaCopy>();

  add(rows: readonly PartyRow[]): void {
    const columns = rows.length ? Object.keys(rows[0] as object).filter((column) => column !== 'party' && column !== 'published') : [];
    for (const row of rows) {
      if (!row.published) continue;
      let copy = this.copies.get(row.party);
      if (!copy) this.copies.set(row.party, (copy = { rows: [], bytes: COPY_BYTES }));
      const shared: Record<string, unknown> = {};
      // The meeting's id is the row's own: not worth a lookup.
      for (const column of columns) shared[column] = column === 'id' ? row[column] : this.share(row[column]);
      copy.rows.push(shared as Record<string, never>);
      copy.bytes += SHARED_ROW_BYTES;
    }
  }

  done(): Map<string, AgendaCopy> {
    for (const copy of this.copies.values()) copy.rows.sort(inAgendaOrder);
    return this.copies;
  }

  private share(value: unknown): unknown {
    if (typeof value === 'string') {
      const known = this.strings.get(value);
      if (known !== undefined) return known;
      this.strings.set(value, value);
      return value;
    }
    if (value instanceof Date) {
      const known = this.instants.get(value.getTime());
      if (known !== undefined) return known;
      this.instants.set(value.getTime(), value);
      return value;
    }
    return value;
  }
}

/** Every party's copy from all of an edition's rows at once (SharedCopies in one batch). */
export function copiesByParty(rows: readonly PartyRow[]): Map<string, AgendaCopy> {
  const copies = new SharedCopies();
  copies.add(rows);
  return copies.done();
}

function inAgendaOrder(a: Record<string, never>, b: Record<string, never>): number {
  return (a['starts_at'] as Date).getTime() - (b['starts_at'] as Date).getTime() || (a['table_number'] as number) - (b['table_number'] as number);
}
