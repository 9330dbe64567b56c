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
      const halfDayKey = `${slot.day}|${slot.halfDay}`;
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
    if (a === undefined || b === undefined) throw new SchedulingInputError(`meeting ${request.id}: unknown organisation`);
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
