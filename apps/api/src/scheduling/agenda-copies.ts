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

/**
 * Every party's copy from an edition's rows (each with its `party`, in any order), each party's
 * rows in AGENDA_SQL's order (start, then table number: one party is at one table at a time),
 * the values rows repeat shared: a 100× round's 150,000 rows name 5,768 parties, 75,000 offers,
 * a few hundred instants.
 */
export function copiesByParty(rows: readonly ({ party: string } & Record<string, never>)[]): Map<string, AgendaCopy> {
  const strings = new Map<string, string>();
  const instants = new Map<number, Date>();
  const share = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const known = strings.get(value);
      if (known !== undefined) return known;
      strings.set(value, value);
      return value;
    }
    if (value instanceof Date) {
      const known = instants.get(value.getTime());
      if (known !== undefined) return known;
      instants.set(value.getTime(), value);
      return value;
    }
    return value;
  };
  const columns = rows.length ? Object.keys(rows[0] as object).filter((column) => column !== 'party') : [];
  const copies = new Map<string, AgendaCopy>();
  for (const row of rows) {
    let copy = copies.get(row.party);
    if (!copy) copies.set(row.party, (copy = { rows: [], bytes: COPY_BYTES }));
    const shared: Record<string, unknown> = {};
    // The meeting's id is the row's own: not worth a lookup.
    for (const column of columns) shared[column] = column === 'id' ? row[column] : share(row[column]);
    copy.rows.push(shared as Record<string, never>);
    copy.bytes += SHARED_ROW_BYTES;
  }
  for (const copy of copies.values()) copy.rows.sort(inAgendaOrder);
  return copies;
}

function inAgendaOrder(a: Record<string, never>, b: Record<string, never>): number {
  return (a['starts_at'] as Date).getTime() - (b['starts_at'] as Date).getTime() || (a['table_number'] as number) - (b['table_number'] as number);
}
