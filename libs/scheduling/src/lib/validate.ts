import type { SchedulingInput, ScheduledMeeting } from './types';

export type ViolationCode =
  | 'UNKNOWN_MEETING'
  | 'MEETING_TWICE'
  | 'UNKNOWN_SLOT'
  | 'WRONG_SESSION'
  | 'SESSION_NOT_ALLOWED'
  | 'NO_SUCH_TABLE'
  | 'TABLE_TWICE'
  | 'PARTY_ABSENT'
  | 'OVER_CAPACITY'
  | 'OVER_DAILY_MAXIMUM'
  | 'INTERPRETERS_EXCEEDED'
  | 'PINNED_NOT_KEPT';

export interface Violation {
  code: ViolationCode;
  meetingIds: string[];
  message: string;
}

/**
 * Checks a schedule against the hard rules, from the input alone (it shares
 * no code with the engine, so the API can run it before writing a schedule):
 * every meeting once, in an allowed session, at an existing table; one meeting
 * per table and slot; no party absent or in more parallel meetings than it
 * has delegates, nor over its daily maximum; interpreters within the pool;
 * pinned meetings exactly where they were pinned. Returns [] when valid.
 */
export function validateSchedule(input: SchedulingInput, assignments: readonly ScheduledMeeting[]): Violation[] {
  const violations: Violation[] = [];
  const report = (code: ViolationCode, meetingIds: string[], message: string) => violations.push({ code, meetingIds, message });

  const slots = new Map<string, { sessionId: string; tables: number; start: number; end: number; day: string }>();
  for (const session of input.sessions) {
    for (const slot of session.slots) {
      slots.set(slot.id, { sessionId: session.id, tables: session.tables, start: slot.start, end: slot.end, day: slot.day });
    }
  }
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const organizations = new Map(input.organizations.map((o) => [o.id, o]));

  interface Held {
    meetingId: string;
    start: number;
    end: number;
    day: string;
    interpreted: boolean;
  }
  const byOrganization = new Map<string, Held[]>();
  const all: Held[] = [];
  const tableUse = new Map<string, string>();
  const seen = new Set<string>();

  for (const a of assignments) {
    const meeting = meetings.get(a.meetingId);
    if (!meeting) {
      report('UNKNOWN_MEETING', [a.meetingId], `meeting ${a.meetingId} was not requested`);
      continue;
    }
    if (seen.has(a.meetingId)) {
      report('MEETING_TWICE', [a.meetingId], `meeting ${a.meetingId} is scheduled more than once`);
      continue;
    }
    seen.add(a.meetingId);
    const slot = slots.get(a.slotId);
    if (!slot) {
      report('UNKNOWN_SLOT', [a.meetingId], `meeting ${a.meetingId} is in unknown slot ${a.slotId}`);
      continue;
    }
    if (slot.sessionId !== a.sessionId) {
      report('WRONG_SESSION', [a.meetingId], `slot ${a.slotId} belongs to session ${slot.sessionId}, not ${a.sessionId}`);
    }
    if (!meeting.sessionIds.includes(slot.sessionId)) {
      report('SESSION_NOT_ALLOWED', [a.meetingId], `meeting ${a.meetingId} may not use session ${slot.sessionId}`);
    }
    if (!Number.isInteger(a.table) || a.table < 1 || a.table > slot.tables) {
      report('NO_SUCH_TABLE', [a.meetingId], `session ${slot.sessionId} has no table ${a.table}`);
    }
    const tableKey = `${a.slotId}#${a.table}`;
    const other = tableUse.get(tableKey);
    if (other !== undefined) {
      report('TABLE_TWICE', [other, a.meetingId], `table ${a.table} holds two meetings in slot ${a.slotId}`);
    } else tableUse.set(tableKey, a.meetingId);

    const parties = meeting.organizationIds.map((id) => organizations.get(id));
    const languages = parties.map((o) => o?.languages ?? []);
    const held: Held = {
      meetingId: a.meetingId,
      start: slot.start,
      end: slot.end,
      day: slot.day,
      interpreted: !languages[0].some((l) => languages[1].includes(l)),
    };
    all.push(held);
    for (const org of parties) {
      if (!org) continue;
      const absence = org.absences.find((r) => r.start < slot.end && slot.start < r.end);
      if (absence) report('PARTY_ABSENT', [a.meetingId], `${org.id} is absent during meeting ${a.meetingId}`);
      const list = byOrganization.get(org.id) ?? [];
      list.push(held);
      byOrganization.set(org.id, list);
    }
  }

  for (const [orgId, list] of byOrganization) {
    const org = organizations.get(orgId);
    if (!org) continue;
    // The most meetings at once is reached at some meeting's start.
    for (const h of list) {
      const overlapping = list.filter((x) => x.start <= h.start && h.start < x.end);
      if (overlapping.length > org.delegates) {
        report(
          'OVER_CAPACITY',
          overlapping.map((x) => x.meetingId),
          `${orgId} has ${overlapping.length} meetings at once but ${org.delegates} delegate(s)`,
        );
        break;
      }
    }
    const perDay = new Map<string, string[]>();
    for (const h of list) perDay.set(h.day, [...(perDay.get(h.day) ?? []), h.meetingId]);
    for (const [day, ids] of perDay) {
      if (ids.length > org.maxMeetingsPerDay) {
        report('OVER_DAILY_MAXIMUM', ids, `${orgId} has ${ids.length} meetings on ${day}, more than ${org.maxMeetingsPerDay}`);
      }
    }
  }

  const interpreted = all.filter((h) => h.interpreted);
  const instants = [...new Set(interpreted.map((h) => h.start))];
  for (const t of instants) {
    const busy = interpreted.filter((h) => h.start <= t && t < h.end);
    const onDuty = input.interpreters.filter((r) => r.start <= t && t < r.end).reduce((sum, r) => sum + r.count, 0);
    if (busy.length > onDuty) {
      report(
        'INTERPRETERS_EXCEEDED',
        busy.map((h) => h.meetingId),
        `${busy.length} meetings need an interpreter at ${new Date(t).toISOString()} but ${onDuty} are on duty`,
      );
    }
  }

  const byId = new Map(assignments.map((a) => [a.meetingId, a]));
  for (const meeting of input.meetings) {
    if (!meeting.pinned) continue;
    const a = byId.get(meeting.id);
    if (!a || a.slotId !== meeting.pinned.slotId || a.table !== meeting.pinned.table) {
      report('PINNED_NOT_KEPT', [meeting.id], `pinned meeting ${meeting.id} is not at slot ${meeting.pinned.slotId}, table ${meeting.pinned.table}`);
    }
  }
  return violations;
}
