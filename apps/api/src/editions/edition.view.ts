import { DEFAULT_REMINDER_SETTINGS, EditionSummary, EditionView, ReminderSettings, SessionView } from '@jinan/contracts';
import { DateTime } from 'luxon';
import { Edition } from './edition.entity';
import { ProgrammeSession } from './programme-session.entity';

/** Instants already written out, by zone and epoch milliseconds (a pure function's results). */
const formatted = new Map<string, string>();
const FORMATTED_LIMIT = 50_000;

/** An instant on the wire: ISO 8601 with the edition zone's offset. */
export function isoInZone(instant: Date, zone: string): string {
  // Meetings start and end on a few slot boundaries, read again on every agenda: luxon's zone
  // offset (an Intl formatter's parts) was the largest JavaScript cost of an agenda read.
  const key = `${zone}|${instant.getTime()}`;
  let iso = formatted.get(key);
  if (iso === undefined) {
    iso = DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    formatted.set(key, iso);
  }
  return iso;
}

export function editionSummary(e: Edition): EditionSummary {
  return {
    id: e.id,
    year: e.year,
    name: { zh: e.nameZh, ja: e.nameJa, en: e.nameEn },
    timeZone: e.timeZone,
    startDate: e.startDate,
    endDate: e.endDate,
    status: e.status,
  };
}

export function editionView(e: Edition, sessions: ProgrammeSession[]): EditionView {
  const zone = e.timeZone;
  return {
    ...editionSummary(e),
    schedulingMode: e.schedulingMode,
    gapScope: e.gapScope,
    reminders: reminderSettings(e),
    requestsOpenAt: isoInZone(e.requestsOpenAt ?? e.createdAt, zone),
    slotMinutes: e.slotMinutes,
    maxMeetingsPerOrgPerDay: e.maxMeetingsPerOrgPerDay,
    maxPendingRequests: e.maxPendingRequests,
    sessions: sessions.map((s) => sessionView(s, zone)),
  };
}

/** The edition's reminder settings, defaults filled in. */
export function reminderSettings(e: Pick<Edition, 'reminderSettings'>): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, ...(e.reminderSettings ?? {}) };
}

function sessionView(s: ProgrammeSession, zone: string): SessionView {
  return {
    id: s.id,
    kind: s.kind,
    sector: s.sector,
    title: { zh: s.titleZh, ja: s.titleJa, en: s.titleEn },
    venue: s.venue,
    startsAt: isoInZone(s.startsAt, zone),
    endsAt: isoInZone(s.endsAt, zone),
    slotMinutes: s.slotMinutes,
    tableCount: s.tableCount,
    interpreters: s.interpreters,
    slots: (s.slots ?? [])
      .sort((a, b) => a.index - b.index)
      .map((slot) => ({ id: slot.id, index: slot.index, startsAt: isoInZone(slot.startsAt, zone), endsAt: isoInZone(slot.endsAt, zone) })),
    tables: (s.tables ?? []).sort((a, b) => a.number - b.number).map((t) => ({ id: t.id, number: t.number, label: t.label })),
  };
}
