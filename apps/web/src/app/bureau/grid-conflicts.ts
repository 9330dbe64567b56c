import type { GridBookingView } from '@jinan/contracts';

export interface GridConflict {
  kind: 'table' | 'jp' | 'cn';
  other: GridBookingView;
}

/** Start and end (ISO instants) of each slot, by slot id. */
export type SlotTimes = ReadonlyMap<string, { sessionId: string; startsAt: string; endsAt: string }>;

/**
 * Conflicts a move of `b` to (slot, table) would meet, as the grid shows them: the table
 * is taken then, or one of the two organisations already meets someone at an overlapping
 * time (in any session). The last two may still fit when the organisation sends several
 * delegates: the booking API (its exclusion constraints) has the final word.
 */
export function gridConflicts(b: GridBookingView, slotId: string, tableNumber: number, bookings: readonly GridBookingView[], times: SlotTimes): GridConflict[] {
  const target = times.get(slotId);
  if (!target) return [];
  const out: GridConflict[] = [];
  for (const other of bookings) {
    const when = times.get(other.slotId);
    if (other.meetingId === b.meetingId || !when || !(when.startsAt < target.endsAt && target.startsAt < when.endsAt)) continue;
    if (other.sessionId === target.sessionId && other.tableNumber === tableNumber) out.push({ kind: 'table', other });
    if (other.jp.id === b.jp.id) out.push({ kind: 'jp', other });
    if (other.cn.id === b.cn.id) out.push({ kind: 'cn', other });
  }
  return out;
}
