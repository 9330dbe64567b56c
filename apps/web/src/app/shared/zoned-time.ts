import { Pipe, PipeTransform } from '@angular/core';
import { DateTime } from 'luxon';

/** Every date and time the UI shows goes through here, always with an explicit IANA zone. */
export type TimeStyle = 'time' | 'date' | 'day' | 'datetime';

export function formatInZone(iso: string, zone: string, style: TimeStyle, locale: string): string {
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) return '';
  const local = instant.setZone(zone).setLocale(locale);
  switch (style) {
    case 'time':
      return local.toFormat('HH:mm');
    case 'date':
      return local.toLocaleString(DateTime.DATE_MED);
    case 'day':
      return local.toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' });
    case 'datetime':
      return `${local.toLocaleString(DateTime.DATE_MED)} ${local.toFormat('HH:mm')}`;
  }
}

/** A calendar date (yyyy-MM-dd) of the event, read in the edition's zone. */
export function formatEditionDate(date: string, zone: string, locale: string): string {
  const day = DateTime.fromISO(date, { zone });
  return day.isValid ? day.setLocale(locale).toLocaleString({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** The calendar day (yyyy-MM-dd) an instant falls on in `zone`, to group by day. */
export function dayInZone(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() ?? '';
}

/** `iso | zonedTime: zone : style : locale` */
@Pipe({ name: 'zonedTime' })
export class ZonedTimePipe implements PipeTransform {
  transform(iso: string | null | undefined, zone: string, style: TimeStyle = 'datetime', locale = 'en'): string {
    return iso ? formatInZone(iso, zone, style, locale) : '';
  }
}
