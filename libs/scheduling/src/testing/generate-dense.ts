import { needsInterpreter } from '../lib/model';
import { createRandom, shuffle } from '../lib/prng';
import type { HalfDay, Language, MeetingRequest, NegotiationSession, Organization, SchedulingInput, TimeRange } from '../lib/types';
import { meetingWeight } from '../lib/weight';

/** The ten sizes of the dense tier: participants, meetings aimed at, slots. */
export const DENSE_SIZES: ReadonlyArray<{ organizations: number; meetings: number; slots: number }> = [
  { organizations: 40, meetings: 132, slots: 8 },
  { organizations: 44, meetings: 150, slots: 10 },
  { organizations: 48, meetings: 150, slots: 12 },
  { organizations: 52, meetings: 170, slots: 12 },
  { organizations: 56, meetings: 190, slots: 14 },
  { organizations: 60, meetings: 210, slots: 16 },
  { organizations: 66, meetings: 230, slots: 16 },
  { organizations: 70, meetings: 250, slots: 18 },
  { organizations: 76, meetings: 270, slots: 20 },
  { organizations: 80, meetings: 300, slots: 22 },
];

const DAY = '2026-05-14';
const MINUTE = 60_000;
const SLOT_MINUTES = 20;
/** 09:00 and 14:00 China time (UTC+8). */
const HALF_DAY_START: Record<HalfDay, number> = { am: Date.parse(`${DAY}T01:00:00Z`), pm: Date.parse(`${DAY}T06:00:00Z`) };

/**
 * A dense forum day with a planted complete, gap-free schedule: every
 * participant first gets one unbroken run of slots per half-day, the parties
 * busy in each slot are paired with partners they have not met yet, and only
 * then are the meeting requests read off that schedule. Absences (the other
 * half-day, or slots before or after a run), half-day-only meetings (allowed
 * in one half-day's session only), daily maxima and the interpreter pool are
 * all chosen so that the planted schedule respects them, and tables are
 * 100–130% of its peak. So the optimum is known: everything placed, 0 gaps.
 * The planted slot of each meeting is returned for tests, never given to the engine.
 */
export function generateDense(size: number, seed: number): { input: SchedulingInput; planted: Map<string, string> } {
  const shape = DENSE_SIZES[size];
  const random = createRandom(seed * 7919 + size);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const perHalf: Record<HalfDay, number> = { am: Math.ceil(shape.slots / 2), pm: Math.floor(shape.slots / 2) };
  const slotsOf = (['am', 'pm'] as const).flatMap((halfDay) => Array.from({ length: perHalf[halfDay] }, (_, k) => ({ halfDay, k })));
  const n = shape.organizations;
  const T = slotsOf.length;

  // Runs: [first, last] slot index per half-day (or none); degrees sum to about twice the meetings.
  const mean = (2 * shape.meetings) / n;
  const busy: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(T).fill(false));
  const load = new Array<number>(T).fill(0);
  for (let o = 0; o < n; o++) {
    const degree = Math.max(3, Math.min(T - 1, Math.round(mean + (random() - 0.5) * 6)));
    const oneHalf = random() < 0.2 && degree <= perHalf.pm;
    const amShare = oneHalf ? (random() < 0.5 ? degree : 0) : Math.max(0, Math.min(perHalf.am, Math.round(degree * (0.3 + 0.4 * random()))));
    const pmShare = Math.min(perHalf.pm, degree - amShare);
    // Among the starts, the one whose slots are least used so far (ties at random): the plant
    // fills every slot about evenly, so tables at 100–130% of its peak are tight everywhere.
    const place = (offset: number, length: number, room: number) => {
      let start = offset;
      let lightest = Infinity;
      for (let first = offset; first <= offset + room - length; first++) {
        let use = random();
        for (let k = 0; k < length; k++) use += load[first + k];
        if (use < lightest) [lightest, start] = [use, first];
      }
      for (let k = 0; k < length; k++) {
        busy[o][start + k] = true;
        load[start + k]++;
      }
    };
    if (amShare > 0) place(0, amShare, perHalf.am);
    if (pmShare > 0) place(perHalf.am, pmShare, perHalf.pm);
  }

  // Pair the parties busy in each slot; an odd one out (or one left without a new partner) gives up
  // that slot if it lies at an end of its run, so the runs stay unbroken.
  const met = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const plantedPairs: Array<{ a: number; b: number; t: number }> = [];
  for (let t = 0; t < T; t++) {
    const parties = shuffle(
      busy.flatMap((row, o) => (row[t] ? [o] : [])),
      random,
    );
    let best: Array<[number, number]> = [];
    let leftover: number[] = parties;
    for (let attempt = 0; attempt < 30 && leftover.length > 0; attempt++) {
      const pairs: Array<[number, number]> = [];
      const open = shuffle([...parties], random);
      const rest: number[] = [];
      while (open.length) {
        const a = open.pop() as number;
        const k = open.findIndex((b) => !met.has(key(a, b)));
        if (k < 0) rest.push(a);
        else pairs.push([a, open.splice(k, 1)[0]]);
      }
      if (attempt === 0 || rest.length < leftover.length) {
        best = pairs;
        leftover = rest;
      }
    }
    for (const [a, b] of best) {
      met.add(key(a, b));
      plantedPairs.push({ a, b, t });
    }
    for (const o of leftover) trimOrSplit(busy[o], t, perHalf.am);
  }

  const halfOf = (t: number): HalfDay => slotsOf[t].halfDay;
  const slotStart = (t: number) => HALF_DAY_START[slotsOf[t].halfDay] + slotsOf[t].k * SLOT_MINUTES * MINUTE;
  const sessions: NegotiationSession[] = (['am', 'pm'] as const).map((halfDay) => ({
    id: `forum-${halfDay}`,
    sector: 'forum',
    tables: 0,
    slots: slotsOf.flatMap(({ halfDay: h }, t) =>
      h === halfDay ? [{ id: `s${t + 1}`, start: slotStart(t), end: slotStart(t) + SLOT_MINUTES * MINUTE, day: DAY, halfDay }] : [],
    ),
  }));
  const perSlot = new Array<number>(T).fill(0);
  for (const p of plantedPairs) perSlot[p.t]++;
  for (const session of sessions) {
    const peak = Math.max(1, ...plantedPairs.filter((p) => halfOf(p.t) === session.id.slice(-2)).map((p) => perSlot[p.t]));
    session.tables = Math.ceil(peak * (1 + 0.3 * random()));
  }

  // Organisations: languages, daily maxima at or above what the plant uses, absences outside their runs.
  const plantedCount = new Array<number>(n).fill(0);
  const plantedBusy: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(T).fill(false));
  for (const p of plantedPairs) {
    plantedCount[p.a]++;
    plantedCount[p.b]++;
    plantedBusy[p.a][p.t] = plantedBusy[p.b][p.t] = true;
  }
  const organizations: Organization[] = [];
  for (let o = 0; o < n; o++) {
    const r = random();
    const languages: Language[] = r < 0.5 ? (random() < 0.3 ? ['zh', 'en'] : ['zh']) : r < 0.8 ? (random() < 0.4 ? ['ja', 'en'] : ['ja']) : ['en'];
    const absences: TimeRange[] = [];
    for (const halfDay of ['am', 'pm'] as const) {
      const ts = slotsOf.map((_, t) => t).filter((t) => halfOf(t) === halfDay);
      const used = ts.filter((t) => plantedBusy[o][t]);
      if (used.length === 0) {
        // here only for the other half-day, or free but present
        if (random() < 0.6) absences.push({ start: slotStart(ts[0]), end: slotStart(ts[ts.length - 1]) + SLOT_MINUTES * MINUTE });
      } else if (random() < 0.25) {
        // arrives late or leaves early, outside its run
        const first = used[0];
        const last = used[used.length - 1];
        if (first > ts[0] && random() < 0.5) absences.push({ start: slotStart(ts[0]), end: slotStart(first - between(0, first - ts[0] - 1)) });
        else if (last < ts[ts.length - 1])
          absences.push({ start: slotStart(last + 1 + between(0, ts[ts.length - 1] - last - 1)), end: slotStart(ts[ts.length - 1]) + SLOT_MINUTES * MINUTE });
      }
    }
    organizations.push({
      id: `org-${o + 1}`,
      delegates: 1,
      maxMeetingsPerDay: plantedCount[o] + (random() < 0.5 ? 0 : between(1, 3)),
      languages,
      absences: absences.filter((a) => a.end > a.start),
    });
  }

  const planted = new Map<string, string>();
  const meetings: MeetingRequest[] = shuffle(plantedPairs, random).map((p, k) => {
    const id = `m-${k + 1}`;
    const halfDayOnly = random() < 0.15;
    planted.set(id, `s${p.t + 1}`);
    const priority = (1 + Math.floor(random() * 3)) as 1 | 2 | 3;
    return {
      id,
      organizationIds: [organizations[p.a].id, organizations[p.b].id],
      weight: meetingWeight(priority, Math.round(100 * random())),
      sessionIds: halfDayOnly ? [`forum-${halfOf(p.t)}`] : sessions.map((s) => s.id),
    };
  });

  // Interpreters: the plant's peak of interpreted meetings per half-day, sometimes one more.
  const interpreted = new Array<number>(T).fill(0);
  for (const p of plantedPairs) if (needsInterpreter(organizations[p.a].languages, organizations[p.b].languages)) interpreted[p.t]++;
  const interpreters = (['am', 'pm'] as const).map((halfDay) => {
    const ts = slotsOf.map((_, t) => t).filter((t) => halfOf(t) === halfDay);
    return {
      start: slotStart(ts[0]),
      end: slotStart(ts[ts.length - 1]) + SLOT_MINUTES * MINUTE,
      count: Math.max(...ts.map((t) => interpreted[t])) + (random() < 0.5 ? 0 : 1),
    };
  });
  return { input: { sessions, organizations, meetings, interpreters }, planted };
}

/**
 * Slot t of a run could not be paired. Slots before t are already paired, so the run stays
 * unbroken if t is its first slot (the run starts one later) or if t and the rest are dropped.
 */
function trimOrSplit(row: boolean[], t: number, amSlots: number): void {
  const lo = t < amSlots ? 0 : amSlots;
  const hi = t < amSlots ? amSlots - 1 : row.length - 1;
  if (t === lo || !row[t - 1]) {
    row[t] = false;
    return;
  }
  for (let k = t; k <= hi && row[k]; k++) row[k] = false;
}
