/**
 * Bookings take numbered delegate seats (the database's capacity rule: a seat holds
 * one meeting at a time, an organization has `delegates` seats). Given bookings that
 * respect capacity, this gives each one a seat per organization: interval colouring in
 * start order, which never needs more seats than the most meetings held at once.
 */
export interface SeatDemand {
  key: string;
  organizationId: string;
  start: number;
  end: number;
  /** A seat the booking already holds (pinned meetings keep theirs). */
  seat?: number;
}

export function assignSeats(demands: SeatDemand[], seatsOf: (organizationId: string) => number): Map<string, number> {
  const byOrganization = new Map<string, SeatDemand[]>();
  for (const d of demands) {
    const list = byOrganization.get(d.organizationId) ?? [];
    list.push(d);
    byOrganization.set(d.organizationId, list);
  }
  const result = new Map<string, number>();
  for (const [organizationId, list] of byOrganization) {
    const seats = seatsOf(organizationId);
    // Per seat, the intervals it holds: fixed ones first, then the rest in start order.
    const held: [number, number][][] = Array.from({ length: seats + 1 }, () => []);
    for (const d of list) {
      if (d.seat !== undefined) {
        held[d.seat].push([d.start, d.end]);
        result.set(d.key, d.seat);
      }
    }
    const free = list.filter((d) => d.seat === undefined).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
    for (const d of free) {
      let seat = 1;
      while (seat <= seats && held[seat].some(([s, e]) => s < d.end && d.start < e)) seat++;
      if (seat > seats) {
        throw new Error(`organization ${organizationId} has no free seat for booking ${d.key}: more meetings at once than delegates`);
      }
      held[seat].push([d.start, d.end]);
      result.set(d.key, seat);
    }
  }
  return result;
}
