import type { Sector, SessionKind } from '@jinan/contracts';
import { DateTime } from 'luxon';

/** A programme session before it is stored: instants computed in the edition's zone. */
export interface SessionPlan {
  kind: SessionKind;
  sector: Sector | null;
  title: { zh: string; ja: string; en: string };
  venue: string | null;
  startsAt: DateTime;
  endsAt: DateTime;
  slotMinutes: number | null;
  tableCount: number | null;
  interpreters: number | null;
}

const SECTOR_TITLES: Record<Sector, { zh: string; ja: string; en: string }> = {
  health: { zh: '大健康产业洽谈会', ja: 'ヘルスケア産業商談会', en: 'Health industry negotiations' },
  environment: { zh: '节能环保与减碳洽谈会', ja: '省エネ・環境保護・脱炭素商談会', en: 'Environmental protection & carbon reduction negotiations' },
  digital: { zh: '数字经济与智能制造洽谈会', ja: 'デジタル経済・スマート製造商談会', en: 'Digital economy & smart manufacturing negotiations' },
};

const SECTOR_VENUES: Record<Sector, string> = {
  health: 'Hall A',
  environment: 'Hall B',
  digital: 'Hall C',
};

const SECTORS: Sector[] = ['health', 'environment', 'digital'];

interface TemplateOptions {
  startDate: string;
  timeZone: string;
  slotMinutes: number;
  tablesPerSession: number;
  interpretersPerSession: number;
}

/**
 * The "1 + 3" programme over two days, in the edition's local time:
 * day 1 — plenary 09:00–11:30, lunch, the three sector negotiations 13:30–17:30;
 * day 2 — negotiations 09:00–12:00, lunch, negotiations 13:30–16:30 alongside the
 * industrial-park visit 13:30–17:00 (delegates on the visit cannot meet then).
 */
export function programmeFromTemplate(options: TemplateOptions): SessionPlan[] {
  const day1 = DateTime.fromISO(options.startDate, { zone: options.timeZone });
  const day2 = day1.plus({ days: 1 });
  const at = (day: DateTime, time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return day.set({ hour, minute, second: 0, millisecond: 0 });
  };
  const plans: SessionPlan[] = [
    {
      kind: 'plenary',
      sector: null,
      title: {
        zh: '主题大会：合作机遇发布、重点项目签约、中日医疗创新发展中心揭牌',
        ja: 'テーマ大会：協力機会の発表、重点プロジェクト調印式、中日医療イノベーション発展センター除幕',
        en: 'Plenary: cooperation opportunities, key project signings, opening of the China–Japan Medical Innovation Centres',
      },
      venue: 'Main Hall',
      startsAt: at(day1, '09:00'),
      endsAt: at(day1, '11:30'),
      slotMinutes: null,
      tableCount: null,
      interpreters: null,
    },
    breakSession(at(day1, '11:30'), at(day1, '13:30')),
    breakSession(at(day2, '12:00'), at(day2, '13:30')),
    {
      kind: 'site_visit',
      sector: null,
      title: { zh: '重点产业园区考察', ja: '重点産業パーク視察', en: 'Visit to major industrial parks' },
      venue: 'Ji\u2019nan High-tech Zone',
      startsAt: at(day2, '13:30'),
      endsAt: at(day2, '17:00'),
      slotMinutes: null,
      tableCount: null,
      interpreters: null,
    },
  ];
  const negotiationBlocks: [DateTime, DateTime][] = [
    [at(day1, '13:30'), at(day1, '17:30')],
    [at(day2, '09:00'), at(day2, '12:00')],
    [at(day2, '13:30'), at(day2, '16:30')],
  ];
  for (const [startsAt, endsAt] of negotiationBlocks) {
    for (const sector of SECTORS) {
      plans.push({
        kind: 'negotiation',
        sector,
        title: SECTOR_TITLES[sector],
        venue: SECTOR_VENUES[sector],
        startsAt,
        endsAt,
        slotMinutes: options.slotMinutes,
        tableCount: options.tablesPerSession,
        interpreters: options.interpretersPerSession,
      });
    }
  }
  return plans.sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
}

function breakSession(startsAt: DateTime, endsAt: DateTime): SessionPlan {
  return {
    kind: 'break',
    sector: null,
    title: { zh: '午餐', ja: '昼食', en: 'Lunch' },
    venue: null,
    startsAt,
    endsAt,
    slotMinutes: null,
    tableCount: null,
    interpreters: null,
  };
}

export interface SlotPlan {
  index: number;
  startsAt: DateTime;
  endsAt: DateTime;
}

/**
 * Consecutive slots of `slotMinutes` from the session's start; a slot that would run
 * past the end or into a break is skipped, and the next one starts after the break.
 */
export function slotsFor(startsAt: DateTime, endsAt: DateTime, slotMinutes: number, breaks: { startsAt: DateTime; endsAt: DateTime }[] = []): SlotPlan[] {
  const slots: SlotPlan[] = [];
  let cursor = startsAt;
  while (cursor.plus({ minutes: slotMinutes }) <= endsAt) {
    const end = cursor.plus({ minutes: slotMinutes });
    const clash = breaks.find((b) => b.startsAt < end && b.endsAt > cursor);
    if (clash) {
      cursor = clash.endsAt > cursor ? clash.endsAt : cursor.plus({ minutes: slotMinutes });
      continue;
    }
    slots.push({ index: slots.length, startsAt: cursor, endsAt: end });
    cursor = end;
  }
  return slots;
}
