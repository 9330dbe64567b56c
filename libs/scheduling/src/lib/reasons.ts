import { blockingRules } from './blockers';
import type { ScheduleState } from './state';
import type { LeftOutReason } from './types';

type Cause = { kind: 'tables' } | { kind: 'dailyMaximum'; org: number } | { kind: 'booked'; org: number } | { kind: 'interpreters' };

/**
 * Why meeting i is not in the final schedule, read off that schedule: for
 * every slot both parties could use, the first rule that keeps it out there.
 * One cause everywhere gives a specific reason; a mix gives the breakdown.
 */
export function explainLeftOut(state: ScheduleState, i: number): LeftOutReason {
  const model = state.model;
  const m = model.meetings[i];
  const name = (o: number) => model.orgIds[o];
  if (m.allowedSlots === 0) {
    return {
      code: 'NOT_ALLOWED_IN_ANY_SESSION',
      params: {},
      message: 'the meeting is not allowed in any session of the event',
    };
  }
  if (m.candidates.length === 0) {
    return {
      code: 'NO_COMMON_FREE_SLOT',
      params: { organizationA: name(m.a), organizationB: name(m.b) },
      message: "both parties' free slots never coincide",
    };
  }
  const withInterpreters = Array.from(m.candidates).filter((s) => Array.from(model.slotPoints[s]).every((p) => model.interpreterCap[p] > 0));
  if (m.needsInterpreter && withInterpreters.length === 0) {
    return {
      code: 'NO_INTERPRETER_SCHEDULED',
      params: { organizationA: name(m.a), organizationB: name(m.b) },
      message: 'the parties share no working language and no interpreter is on duty when both are free',
    };
  }
  const causes = Array.from(m.candidates).map((s) => causeIn(state, i, s));
  const tally = new Map<string, number>();
  for (const cause of causes) {
    const key = cause ? `${cause.kind}${'org' in cause ? `:${cause.org}` : ''}` : 'free';
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  if (tally.size === 1) {
    const cause = causes[0];
    const slots = causes.length;
    if (cause?.kind === 'tables') {
      return {
        code: 'ALL_TABLES_FULL',
        params: { slots },
        message: `all tables are taken in each of the ${slots} slots where both parties are free`,
      };
    }
    if (cause?.kind === 'dailyMaximum') {
      return {
        code: 'PARTY_AT_DAILY_MAXIMUM',
        params: { organization: name(cause.org), maximum: model.orgMaxDay[cause.org] },
        message: `${name(cause.org)} already has its maximum of ${model.orgMaxDay[cause.org]} meetings on every day both parties are free`,
      };
    }
    if (cause?.kind === 'booked') {
      return {
        code: 'PARTY_FULLY_BOOKED',
        params: { organization: name(cause.org), slots },
        message: `all delegates of ${name(cause.org)} are in other meetings in each of the ${slots} slots where both parties are free`,
      };
    }
    if (cause?.kind === 'interpreters') {
      return {
        code: 'NO_INTERPRETER_FREE',
        params: { slots },
        message: `the parties share no working language and every interpreter is busy in each of the ${slots} slots where both are free`,
      };
    }
  }
  const params: Record<string, number> = {};
  const parts: string[] = [];
  for (const [key, count] of [...tally.entries()].sort()) {
    const [kind, org] = key.split(':');
    const who = org === undefined ? '' : name(Number(org));
    params[org === undefined ? kind : `${kind}:${who}`] = count;
    const what =
      kind === 'tables'
        ? 'all tables taken'
        : kind === 'dailyMaximum'
          ? `${who} at its daily maximum`
          : kind === 'booked'
            ? `${who} in other meetings`
            : kind === 'interpreters'
              ? 'every interpreter busy'
              : 'free';
    parts.push(`${what} in ${count}`);
  }
  // Outranked: in every common slot, each rule that keeps it out is held only by heavier meetings.
  const outranked = Array.from(m.candidates).every((s) =>
    blockingRules(state, i, s).every((holders) => holders.length > 0 && holders.every((x) => model.meetings[x].weight > m.weight)),
  );
  if (outranked) {
    return {
      code: 'OUTRANKED',
      params,
      message: `every slot where both parties are free is taken by more important meetings: ${parts.join(', ')}`,
    };
  }
  return {
    code: 'COMMON_SLOTS_TAKEN',
    params,
    message: `every slot where both parties are free is taken: ${parts.join(', ')}`,
  };
}

/** The first rule that keeps meeting i out of slot s in the current schedule, or null if it fits. */
function causeIn(state: ScheduleState, i: number, s: number): Cause | null {
  const model = state.model;
  const m = model.meetings[i];
  if (state.slotUsed[s] >= model.slotTables[s]) return { kind: 'tables' };
  for (const o of [m.a, m.b]) {
    if (state.dayCount[o * model.days + model.slotDay[s]] >= model.orgMaxDay[o]) return { kind: 'dailyMaximum', org: o };
  }
  const pointCount = model.points.length;
  for (const p of model.slotPoints[s]) {
    for (const o of [m.a, m.b]) if (state.load[o * pointCount + p] >= model.orgCap[o]) return { kind: 'booked', org: o };
  }
  for (const p of model.slotPoints[s]) {
    if (m.needsInterpreter && state.interpretersUsed[p] >= model.interpreterCap[p]) return { kind: 'interpreters' };
  }
  return null;
}
