import { AgendaItemView, Locale, PartyRef } from '@jinan/contracts';
import { DateTime } from 'luxon';

/** The words of a calendar entry in the reader's language (company names stay as given). */
const WORDS: Record<
  Locale,
  {
    calendar: string;
    meeting: (name: string, table: number) => string;
    table: (n: number) => string;
    about: string;
    eventTime: string;
    sectors: Record<string, string>;
  }
> = {
  en: {
    calendar: 'Ji\u2019nan–Japan B2B meetings',
    meeting: (name, table) => `Meeting: ${name} (table ${table})`,
    table: (n) => `table ${n}`,
    about: 'About',
    eventTime: 'Event time (Ji\u2019nan)',
    sectors: { health: 'Health', environment: 'Environmental protection & carbon reduction', digital: 'Digital / smart manufacturing' },
  },
  ja: {
    calendar: '済南・日本 商談会',
    meeting: (name, table) => `商談：${name}（${table}番テーブル）`,
    table: (n) => `${n}番テーブル`,
    about: '案件',
    eventTime: '現地時間（済南）',
    sectors: { health: 'ヘルスケア', environment: '環境保護・脱炭素', digital: 'デジタル・スマート製造' },
  },
  'zh-CN': {
    calendar: '济南—日本 洽谈会',
    meeting: (name, table) => `洽谈：${name}（${table}号桌）`,
    table: (n) => `${n}号桌`,
    about: '项目',
    eventTime: '活动时间（济南）',
    sectors: { health: '医疗健康', environment: '环保与减碳', digital: '数字经济与智能制造' },
  },
};

export function calendarName(locale: Locale): string {
  return WORDS[locale].calendar;
}

export function partyName(p: PartyRef, locale: Locale): string {
  const n = p.name;
  const order = locale === 'ja' ? [n.ja, n.zh, n.en] : locale === 'zh-CN' ? [n.zh, n.ja, n.en] : [n.en, n.ja, n.zh];
  return order.find((x) => x) ?? '';
}

export function eventText(item: AgendaItemView, locale: Locale, editionZone: string): { title: string; location: string; description: string } {
  const w = WORDS[locale];
  const offer = item.offer && (locale === 'ja' ? item.offer.titleJa : locale === 'en' ? item.offer.titleEn : null);
  const start = DateTime.fromISO(item.startsAt).setZone(editionZone);
  const end = DateTime.fromISO(item.endsAt).setZone(editionZone);
  const lines = [
    `${w.sectors[item.sector] ?? item.sector}`,
    item.offer ? `${w.about}: ${offer ?? item.offer.titleZh}` : null,
    `${w.eventTime}: ${start.toFormat('yyyy-MM-dd HH:mm')}–${end.toFormat('HH:mm')} (${editionZone})`,
  ];
  return {
    title: w.meeting(partyName(item.counterpart, locale), item.tableNumber),
    location: [item.venue, w.table(item.tableNumber)].filter(Boolean).join(', '),
    description: lines.filter(Boolean).join('\n'),
  };
}
