import type { SchedulingInput, Language } from './types';

/**
 * The input turned into dense indices the search can work on quickly.
 * Time is cut at every slot start ("points"): an organisation's load, like the
 * interpreter pool, is checked at each point a slot covers, so slots of
 * different sessions that overlap in time conflict even when their grids differ.
 */
export interface Model {
  slotIds: string[];
  slotSession: Int32Array;
  slotStart: Float64Array;
  slotDay: Int32Array;
  slotHalfDay: Int32Array;
  /** Points covered by each slot. */
  slotPoints: Int32Array[];
  /** Tables left once pinned meetings sit down. */
  slotTables: Int32Array;
  sessionIds: string[];
  sessionTables: Int32Array;
  points: Float64Array;
  pointHalfDay: Int32Array;
  /** Points of each half-day in time order. */
  halfDayPoints: Int32Array[];
  days: number;
  interpreterCap: Int32Array;
  orgIds: string[];
  orgCap: Int32Array;
  orgMaxDay: Int32Array;
  /** orgPresent[o * points + p]: not absent at that point. */
  orgPresent: Uint8Array;
  meetings: ModelMeeting[];
  /** candidateMask[i * slots + s]: slot s is among meeting i's candidates. */
  candidateMask: Uint8Array;
}

export interface ModelMeeting {
  id: string;
  a: number;
  b: number;
  weight: number;
  needsInterpreter: boolean;
  /** Slots this meeting could use on an empty schedule, in time order. */
  candidates: Int32Array;
  allowedSlots: number;
  pinnedSlot: number;
  pinnedTable: number;
  previousSlot: number;
  previousTable: number;
}

export class SchedulingInputError extends Error {}

export type PinRule =
  | 'PIN_SAME_TABLE'
  | 'PIN_PARTY_ABSENT'
  | 'PIN_SESSION_NOT_ALLOWED'
  | 'PIN_OVER_DELEGATES'
  | 'PIN_OVER_DAILY_MAXIMUM'
  | 'PIN_OVER_INTERPRETERS';

export interface PinConflict {
  rule: PinRule;
  meetingIds: string[];
  message: string;
}

/** Pinned meetings that cannot all hold where they are pinned: refused before any search. */
export class PinConflictError extends SchedulingInputError {
  constructor(readonly conflicts: PinConflict[]) {
    super(conflicts.map((c) => c.message).join('; '));
  }
}

/** True when the two parties share no working language. */
export function needsInterpreter(a: readonly Language[], b: readonly Language[]): boolean {
  return !a.some((language) => b.includes(language));
}

export function buildModel(input: SchedulingInput): Model {
  const slotIds: string[] = [];
  const slotIndex = new Map<string, number>();
  const sessionIndex = new Map<string, number>();
  const slotSessionList: number[] = [];
  const slotStartList: number[] = [];
  const slotEndList: number[] = [];
  const dayKeys = new Map<string, number>();
  const halfDayKeys = new Map<string, number>();
  const slotDayList: number[] = [];
  const slotHalfDayList: number[] = [];
  input.sessions.forEach((session, k) => {
    if (sessionIndex.has(session.id)) throw new SchedulingInputError(`duplicate session ${session.id}`);
    sessionIndex.set(session.id, k);
    for (const slot of session.slots) {
      if (slotIndex.has(slot.id)) throw new SchedulingInputError(`duplicate slot ${slot.id}`);
      if (!(slot.end > slot.start)) throw new SchedulingInputError(`slot ${slot.id} ends before it starts`);
      slotIndex.set(slot.id, slotIds.length);
      slotIds.push(slot.id);
      slotSessionList.push(k);
      slotStartList.push(slot.start);
      slotEndList.push(slot.end);
      if (!dayKeys.has(slot.day)) dayKeys.set(slot.day, dayKeys.size);
      const halfDayKey = input.gapScope === 'day' ? slot.day : `${slot.day}|${slot.halfDay}`;
      if (!halfDayKeys.has(halfDayKey)) halfDayKeys.set(halfDayKey, halfDayKeys.size);
      slotDayList.push(dayKeys.get(slot.day) as number);
      slotHalfDayList.push(halfDayKeys.get(halfDayKey) as number);
    }
  });
  const slotCount = slotIds.length;

  const points = Float64Array.from(new Set(slotStartList)).sort();
  const pointOf = new Map<number, number>();
  points.forEach((t, p) => pointOf.set(t, p));
  const pointHalfDay = new Int32Array(points.length);
  for (let s = 0; s < slotCount; s++) pointHalfDay[pointOf.get(slotStartList[s]) as number] = slotHalfDayList[s];
  const halfDayPoints = Array.from({ length: halfDayKeys.size }, (_, h) => Int32Array.from([...points.keys()].filter((p) => pointHalfDay[p] === h)));
  const slotPoints = slotStartList.map((start, s) => Int32Array.from([...points.keys()].filter((p) => points[p] >= start && points[p] < slotEndList[s])));

  const interpreterCap = new Int32Array(points.length);
  for (const shift of input.interpreters) {
    points.forEach((t, p) => {
      if (t >= shift.start && t < shift.end) interpreterCap[p] += shift.count;
    });
  }

  const orgIndex = new Map<string, number>();
  const orgCount = input.organizations.length;
  const orgCap = new Int32Array(orgCount);
  const orgMaxDay = new Int32Array(orgCount);
  const orgPresent = new Uint8Array(orgCount * points.length);
  /** orgAvailable[o * slots + s]: present during the whole slot. */
  const orgAvailable = new Uint8Array(orgCount * slotCount);
  input.organizations.forEach((org, o) => {
    if (orgIndex.has(org.id)) throw new SchedulingInputError(`duplicate organisation ${org.id}`);
    orgIndex.set(org.id, o);
    orgCap[o] = Math.max(0, Math.floor(org.delegates));
    orgMaxDay[o] = Math.max(0, Math.floor(org.maxMeetingsPerDay));
    points.forEach((t, p) => {
      orgPresent[o * points.length + p] = org.absences.some((r) => t >= r.start && t < r.end) ? 0 : 1;
    });
    for (let s = 0; s < slotCount; s++) {
      const overlaps = org.absences.some((r) => r.start < slotEndList[s] && slotStartList[s] < r.end);
      orgAvailable[o * slotCount + s] = overlaps ? 0 : 1;
    }
  });

  const slotTables = new Int32Array(slotCount);
  for (let s = 0; s < slotCount; s++) slotTables[s] = input.sessions[slotSessionList[s]].tables;

  const meetingIds = new Set<string>();
  const placementOf = (where: { slotId: string; table: number } | undefined, id: string): [number, number] => {
    if (!where) return [-1, 0];
    const s = slotIndex.get(where.slotId);
    if (s === undefined) throw new SchedulingInputError(`meeting ${id}: unknown slot ${where.slotId}`);
    const tables = input.sessions[slotSessionList[s]].tables;
    if (!Number.isInteger(where.table) || where.table < 1 || where.table > tables) {
      throw new SchedulingInputError(`meeting ${id}: table ${where.table} does not exist in slot ${where.slotId}`);
    }
    return [s, where.table];
  };

  const meetings: ModelMeeting[] = input.meetings.map((request) => {
    if (meetingIds.has(request.id)) throw new SchedulingInputError(`duplicate meeting ${request.id}`);
    meetingIds.add(request.id);
    const [idA, idB] = request.organizationIds;
    const a = orgIndex.get(idA);
    const b = orgIndex.get(idB);
    if (a === undefined) throw new SchedulingInputError(`meeting ${request.id}: unknown organisation ${idA}`);
    if (b === undefined) throw new SchedulingInputError(`meeting ${request.id}: unknown organisation ${idB}`);
    if (a === b) throw new SchedulingInputError(`meeting ${request.id}: an organisation cannot meet itself`);
    const interp = needsInterpreter(input.organizations[a].languages, input.organizations[b].languages);
    const allowed = new Set(request.sessionIds.map((id) => sessionIndex.get(id)).filter((k) => k !== undefined));
    const [pinnedSlot, pinnedTable] = placementOf(request.pinned, request.id);
    const [previousSlot, previousTable] = placementOf(request.previous, request.id);
    if (pinnedSlot >= 0) slotTables[pinnedSlot]--;
    const candidates: number[] = [];
    let allowedSlots = 0;
    for (let s = 0; s < slotCount; s++) {
      if (!allowed.has(slotSessionList[s])) continue;
      allowedSlots++;
      if (!orgAvailable[a * slotCount + s] || !orgAvailable[b * slotCount + s]) continue;
      candidates.push(s);
    }
    return {
      id: request.id,
      a,
      b,
      weight: request.weight,
      needsInterpreter: interp,
      candidates: Int32Array.from(candidates),
      allowedSlots,
      pinnedSlot,
      pinnedTable,
      previousSlot,
      previousTable,
    };
  });

  const conflicts = pinConflicts(input, meetings, {
    slotIds,
    slotSession: slotSessionList,
    slotDay: slotDayList,
    slotPoints,
    orgAvailable,
    slotCount,
    interpreterCap,
    orgCap,
    orgMaxDay,
    orgIds: input.organizations.map((o) => o.id),
  });
  if (conflicts.length) throw new PinConflictError(conflicts);

  const candidateMask = new Uint8Array(meetings.length * slotCount);
  meetings.forEach((m, i) => m.candidates.forEach((s) => (candidateMask[i * slotCount + s] = 1)));
  return {
    candidateMask,
    slotIds,
    slotSession: Int32Array.from(slotSessionList),
    slotStart: Float64Array.from(slotStartList),
    slotDay: Int32Array.from(slotDayList),
    slotHalfDay: Int32Array.from(slotHalfDayList),
    slotPoints,
    slotTables,
    sessionIds: input.sessions.map((s) => s.id),
    sessionTables: Int32Array.from(input.sessions.map((s) => s.tables)),
    points,
    pointHalfDay,
    halfDayPoints,
    days: dayKeys.size,
    interpreterCap,
    orgIds: input.organizations.map((o) => o.id),
    orgCap,
    orgMaxDay,
    orgPresent,
    meetings,
  };
}

interface PinContext {
  slotIds: string[];
  slotSession: number[];
  slotDay: number[];
  slotPoints: Int32Array[];
  orgAvailable: Uint8Array;
  slotCount: number;
  interpreterCap: Int32Array;
  orgCap: Int32Array;
  orgMaxDay: Int32Array;
  orgIds: string[];
}

/**
 * Checks the pinned meetings against each other and the input: two on one table, a party
 * absent, a session the meeting may not use, more than a party's delegates at once or its
 * daily maximum, more than the interpreter pool. Each conflict names its meetings and rule.
 */
function pinConflicts(input: SchedulingInput, meetings: ModelMeeting[], c: PinContext): PinConflict[] {
  const conflicts: PinConflict[] = [];
  const group = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  const tables = new Map<string, string[]>();
  const load = new Map<string, string[]>();
  const day = new Map<string, string[]>();
  const interpretedByPoint = new Map<string, string[]>();
  meetings.forEach((m, i) => {
    const s = m.pinnedSlot;
    if (s < 0) return;
    const slot = c.slotIds[s];
    group(tables, `${slot}|${m.pinnedTable}`, m.id);
    for (const o of [m.a, m.b]) {
      if (!c.orgAvailable[o * c.slotCount + s]) {
        conflicts.push({ rule: 'PIN_PARTY_ABSENT', meetingIds: [m.id], message: `meeting ${m.id} is pinned to slot ${slot} while ${c.orgIds[o]} is absent` });
      }
      group(day, `${o}|${c.slotDay[s]}`, m.id);
      for (const p of c.slotPoints[s]) group(load, `${o}|${p}`, m.id);
    }
    const sessionId = input.sessions[c.slotSession[s]].id;
    if (!input.meetings[i].sessionIds.includes(sessionId)) {
      conflicts.push({
        rule: 'PIN_SESSION_NOT_ALLOWED',
        meetingIds: [m.id],
        message: `meeting ${m.id} is pinned to slot ${slot} of session ${sessionId}, which it may not use`,
      });
    }
    if (m.needsInterpreter) for (const p of c.slotPoints[s]) group(interpretedByPoint, String(p), m.id);
  });
  for (const [key, ids] of tables) {
    if (ids.length > 1) {
      const [slot, table] = key.split('|');
      conflicts.push({ rule: 'PIN_SAME_TABLE', meetingIds: ids, message: `meetings ${ids.join(', ')} are pinned to the same table ${table} of slot ${slot}` });
    }
  }
  const reported = new Set<string>();
  for (const [key, ids] of load) {
    const o = Number(key.split('|')[0]);
    const signature = `d|${ids.join(',')}`;
    if (ids.length > c.orgCap[o] && !reported.has(signature)) {
      reported.add(signature);
      conflicts.push({
        rule: 'PIN_OVER_DELEGATES',
        meetingIds: ids,
        message: `meetings ${ids.join(', ')} are pinned at the same time but ${c.orgIds[o]} has ${c.orgCap[o]} delegate(s)`,
      });
    }
  }
  for (const [key, ids] of day) {
    const o = Number(key.split('|')[0]);
    if (ids.length > c.orgMaxDay[o]) {
      conflicts.push({
        rule: 'PIN_OVER_DAILY_MAXIMUM',
        meetingIds: ids,
        message: `meetings ${ids.join(', ')} are pinned on one day but ${c.orgIds[o]} takes at most ${c.orgMaxDay[o]} a day`,
      });
    }
  }
  for (const [key, ids] of interpretedByPoint) {
    const p = Number(key);
    const signature = `i|${ids.join(',')}`;
    if (ids.length > c.interpreterCap[p] && !reported.has(signature)) {
      reported.add(signature);
      conflicts.push({
        rule: 'PIN_OVER_INTERPRETERS',
        meetingIds: ids,
        message: `meetings ${ids.join(', ')} are pinned at the same time and need ${ids.length} interpreters; ${c.interpreterCap[p]} are on duty`,
      });
    }
  }
  return conflicts;
}

/** The conflicts among the input's pinned meetings (none when they can all hold). */
export function checkPins(input: SchedulingInput): PinConflict[] {
  try {
    buildModel(input);
    return [];
  } catch (error) {
    if (error instanceof PinConflictError) return error.conflicts;
    throw error;
  }
}
