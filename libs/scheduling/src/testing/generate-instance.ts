import { needsInterpreter } from '../lib/model';
import { createRandom } from '../lib/prng';
import type { HalfDay, InterpreterShift, Language, MeetingRequest, NegotiationSession, Organization, SchedulingInput, Slot, TimeRange } from '../lib/types';
import { meetingWeight } from '../lib/weight';

export type Tier = 'S' | 'M' | 'L' | 'XL';

export interface TierShape {
  organizations: number;
  meetings: number;
  /** One session per sector, all on the same clock. */
  sectors: number;
  /** Slots per session, spread evenly over the four half-days. */
  slots: number;
  /** Tables per session. */
  tables: number;
}

export const TIERS: Record<Tier, TierShape> = {
  S: { organizations: 150, meetings: 500, sectors: 1, slots: 24, tables: 30 },
  M: { organizations: 600, meetings: 2500, sectors: 1, slots: 36, tables: 40 },
  L: { organizations: 1800, meetings: 7500, sectors: 3, slots: 36, tables: 40 },
  XL: { organizations: 3000, meetings: 12000, sectors: 3, slots: 36, tables: 60 },
};

const SECTORS = ['health', 'environment', 'digital'];
const DAYS = ['2026-05-14', '2026-05-15'];
const MINUTE = 60_000;
/** Half-days start at 09:00 and 14:00 China time (UTC+8). */
const HALF_DAY_START: Record<HalfDay, number> = { am: 1 * 60, pm: 6 * 60 };
const SLOT_MINUTES = 20;

/**
 * A realistic random event: Zipf popularity (a few organisations wanted by
 * many), a quarter present only one day or half-day, some site visits, some
 * organisations with 2–3 delegates, Chinese, Japanese and other parties whose
 * languages often need an interpreter from a tight pool, and meeting requests
 * well beyond what the tables can hold. Same tier and seed, same instance.
 */
export function generateInstance(tier: Tier | TierShape, seed: number): SchedulingInput {
  const shape = typeof tier === 'string' ? TIERS[tier] : tier;
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const halfDays: Array<{ day: string; halfDay: HalfDay; start: number }> = DAYS.flatMap((day) =>
    (['am', 'pm'] as const).map((halfDay) => ({
      day,
      halfDay,
      start: Date.parse(`${day}T00:00:00Z`) + HALF_DAY_START[halfDay] * MINUTE,
    })),
  );
  const perHalfDay = Math.ceil(shape.slots / halfDays.length);
  /** Time positions shared by all sessions. */
  const grid: Array<{ day: string; halfDay: HalfDay; start: number; end: number }> = [];
  for (let k = 0; k < shape.slots; k++) {
    const h = halfDays[Math.floor(k / perHalfDay)];
    const start = h.start + (k % perHalfDay) * SLOT_MINUTES * MINUTE;
    grid.push({ day: h.day, halfDay: h.halfDay, start, end: start + SLOT_MINUTES * MINUTE });
  }
  const sessions: NegotiationSession[] = SECTORS.slice(0, shape.sectors).map((sector) => ({
    id: sector,
    sector,
    tables: shape.tables,
    slots: grid.map((g, k): Slot => ({ id: `${sector}-${k + 1}`, ...g })),
  }));

  const halfDayRange = (h: (typeof halfDays)[number]): TimeRange => ({
    start: h.start,
    end: h.start + perHalfDay * SLOT_MINUTES * MINUTE,
  });
  const organizations: Organization[] = [];
  const sectorOf: number[] = [];
  for (let o = 0; o < shape.organizations; o++) {
    const r = random();
    const languages: Language[] = r < 0.55 ? (random() < 0.35 ? ['zh', 'en'] : ['zh']) : r < 0.75 ? (random() < 0.4 ? ['ja', 'en'] : ['ja']) : ['en'];
    const d = random();
    const delegates = d < 0.78 ? 1 : d < 0.95 ? 2 : 3;
    const absences: TimeRange[] = [];
    const presence = random();
    if (presence < 0.125) {
      const away = pick(DAYS);
      for (const h of halfDays) if (h.day === away) absences.push(halfDayRange(h));
    } else if (presence < 0.25) {
      const here = pick(halfDays);
      for (const h of halfDays) if (h !== here) absences.push(halfDayRange(h));
    } else if (random() < 0.12) {
      // a site visit of one to two hours inside a half-day
      const h = pick(halfDays);
      const from = between(0, perHalfDay - 3);
      const length = between(3, 6);
      absences.push({ start: h.start + from * SLOT_MINUTES * MINUTE, end: h.start + (from + length) * SLOT_MINUTES * MINUTE });
    }
    organizations.push({
      id: `org-${o + 1}`,
      delegates,
      maxMeetingsPerDay: Math.min(2 * perHalfDay * delegates, between(6, 10) * delegates),
      languages,
      absences,
    });
    sectorOf.push(o % shape.sectors);
  }

  // Zipf popularity over a random order of the organisations.
  const popularity = organizations.map((_, o) => o);
  for (let i = popularity.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [popularity[i], popularity[j]] = [popularity[j], popularity[i]];
  }
  const cumulative: number[] = [];
  let total = 0;
  popularity.forEach((_, rank) => cumulative.push((total += 1 / Math.pow(rank + 1, 0.8))));
  const popular = (): number => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return popularity[lo];
  };
  const chinese = (o: number) => organizations[o].languages.includes('zh');

  const meetings: MeetingRequest[] = [];
  const pairs = new Set<string>();
  let attempts = 0;
  while (meetings.length < shape.meetings && attempts++ < shape.meetings * 50) {
    const requester = Math.floor(random() * shape.organizations);
    const partner = popular();
    if (requester === partner) continue;
    // Most requests cross borders: a Chinese party meets a foreign one.
    if (random() < 0.8 && chinese(requester) === chinese(partner)) continue;
    const crossSector = sectorOf[requester] !== sectorOf[partner];
    if (crossSector && random() < 0.9) continue;
    const key = requester < partner ? `${requester}:${partner}` : `${partner}:${requester}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const sessionIds = [...new Set([sessions[sectorOf[requester]].id, sessions[sectorOf[partner]].id])];
    if (shape.sectors > 1 && random() < 0.05)
      sessionIds.push(
        ...sessions
          .map((s) => s.id)
          .filter((id) => !sessionIds.includes(id))
          .slice(0, 1),
      );
    const p = random();
    const priority = p < 0.5 ? 1 : p < 0.85 ? 2 : 3;
    const score = Math.round(40 + 60 * Math.pow(random(), 0.7));
    meetings.push({
      id: `m-${meetings.length + 1}`,
      organizationIds: [organizations[requester].id, organizations[partner].id],
      weight: meetingWeight(priority, score),
      sessionIds,
    });
  }

  // A tight pool: about half the interpreted meetings the tables could hold.
  const interpretedShare =
    meetings.filter((m) => {
      const [a, b] = m.organizationIds.map((id) => organizations[Number(id.slice(4)) - 1]);
      return needsInterpreter(a.languages, b.languages);
    }).length / Math.max(1, meetings.length);
  const interpreters: InterpreterShift[] = halfDays.map((h) => ({
    ...halfDayRange(h),
    count: Math.max(1, Math.round(interpretedShare * shape.tables * shape.sectors * (0.4 + 0.2 * random()))),
  }));

  pinSome(meetings, sessions, organizations, interpreters, random);
  return { sessions, organizations, meetings, interpreters };
}

/** Pins about 3% of the meetings where they fit, as if confirmed in an earlier round. */
function pinSome(
  meetings: MeetingRequest[],
  sessions: NegotiationSession[],
  organizations: Organization[],
  interpreters: InterpreterShift[],
  random: () => number,
): void {
  const org = new Map(organizations.map((o) => [o.id, o]));
  const busy = new Map<string, number>();
  const used = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.get(key) ?? 0;
  for (const meeting of meetings) {
    if (random() >= 0.03) continue;
    const parties = meeting.organizationIds.map((id) => org.get(id) as Organization);
    const interpreted = needsInterpreter(parties[0].languages, parties[1].languages);
    const options = sessions
      .filter((s) => meeting.sessionIds.includes(s.id))
      .flatMap((s) => s.slots.map((slot) => ({ session: s, slot })))
      .filter(({ session, slot }) => {
        if (count(used, slot.id) >= session.tables) return false;
        if (interpreted) {
          const pool = interpreters.filter((r) => r.start <= slot.start && slot.start < r.end).reduce((n, r) => n + r.count, 0);
          if (count(used, `interpreters@${slot.start}`) >= pool) return false;
        }
        return parties.every(
          (p) =>
            !p.absences.some((r) => r.start < slot.end && slot.start < r.end) &&
            count(busy, `${p.id}@${slot.start}`) < p.delegates &&
            count(busy, `${p.id}@${slot.day}`) < p.maxMeetingsPerDay,
        );
      });
    if (options.length === 0) continue;
    const { slot } = options[Math.floor(random() * options.length)];
    const table = count(used, slot.id) + 1;
    used.set(slot.id, table);
    if (interpreted) used.set(`interpreters@${slot.start}`, count(used, `interpreters@${slot.start}`) + 1);
    for (const p of parties) {
      busy.set(`${p.id}@${slot.start}`, count(busy, `${p.id}@${slot.start}`) + 1);
      busy.set(`${p.id}@${slot.day}`, count(busy, `${p.id}@${slot.day}`) + 1);
    }
    meeting.pinned = { slotId: slot.id, table };
  }
}
