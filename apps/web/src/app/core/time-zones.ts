import { computed, inject, Injectable, signal } from '@angular/core';
import { Session } from './session';

export type ZoneChoice = 'event' | 'own';
const STORAGE_KEY = 'jinan.zoneChoice';
/**
 * Until the edition is loaded. Kept here rather than imported from the edition-dates
 * module, which would pull luxon into the initial bundle.
 */
const EVENT_TIME_ZONE = 'Asia/Shanghai';

/** Which zone times are shown in: the edition's (Asia/Shanghai) or the user's own. */
@Injectable({ providedIn: 'root' })
export class TimeZones {
  private readonly session = inject(Session);

  readonly editionZone = signal(EVENT_TIME_ZONE);
  readonly ownZone = computed(() => this.session.user()?.timeZone ?? (this.session.role() === 'jp' ? 'Asia/Tokyo' : EVENT_TIME_ZONE));
  readonly choice = signal<ZoneChoice>(localStorage.getItem(STORAGE_KEY) === 'event' ? 'event' : 'own');
  readonly displayZone = computed(() => (this.choice() === 'event' ? this.editionZone() : this.ownZone()));
  /** The other zone, shown alongside when it differs. */
  readonly secondZone = computed(() => {
    const other = this.choice() === 'event' ? this.ownZone() : this.editionZone();
    return other === this.displayZone() ? null : other;
  });

  choose(choice: ZoneChoice): void {
    this.choice.set(choice);
    localStorage.setItem(STORAGE_KEY, choice);
  }
}

/** Zones a user can pick as their own. */
export const USER_ZONES = [
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Seoul',
  'Asia/Singapore',
  'Europe/London',
  'America/Los_Angeles',
  'UTC',
] as const;
