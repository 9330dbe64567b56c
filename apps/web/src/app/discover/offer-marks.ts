import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { MeetingStatus } from '@jinan/contracts';
import { CurrentEdition } from '../core/current-edition';
import { Session } from '../core/session';
import { MeetingsApi } from '../meetings/meetings.api';

/** What a shortlist entry keeps to be listed without a request. */
export interface ShortlistEntry {
  id: string;
  title: { zh: string | null; ja: string | null; en: string | null };
}

/**
 * A Japanese firm's marks on offers: its shortlist (kept in this browser, per account)
 * and the meetings it already requested in the current edition, by offer and company.
 */
@Injectable({ providedIn: 'root' })
export class OfferMarks {
  private readonly session = inject(Session);
  private readonly edition = inject(CurrentEdition);
  private readonly meetingsApi = inject(MeetingsApi);

  private readonly storageKey = computed(() => `jinan.shortlist.${this.session.user()?.id ?? ''}`);
  readonly shortlist = signal<ShortlistEntry[]>([]);

  /** The firm's meetings of the edition (a firm has at most a few dozen). */
  private readonly meetings = rxResource({
    params: () => (this.session.role() === 'jp' ? this.edition.summary()?.id : undefined),
    stream: ({ params }) => this.meetingsApi.list(params, { pageSize: 100 }),
  });
  /** Status of the meeting about each offer, and with each company. */
  readonly requested = computed(() => {
    const byOffer = new Map<string, MeetingStatus>();
    const byCompany = new Map<string, MeetingStatus>();
    for (const m of this.meetings.hasValue() ? this.meetings.value().items : []) {
      if (m.offer) byOffer.set(m.offer.id, m.status);
      byCompany.set(m.cnOrganization.id, m.status);
    }
    return { byOffer, byCompany };
  });

  constructor() {
    effect(() => this.shortlist.set(read(this.storageKey())));
  }

  /** After a request: the marks follow. */
  refresh(): void {
    this.meetings.reload();
  }

  has(id: string): boolean {
    return this.shortlist().some((e) => e.id === id);
  }

  toggle(entry: ShortlistEntry): void {
    const next = this.has(entry.id) ? this.shortlist().filter((e) => e.id !== entry.id) : [...this.shortlist(), entry];
    this.shortlist.set(next);
    localStorage.setItem(this.storageKey(), JSON.stringify(next));
  }
}

function read(key: string): ShortlistEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as ShortlistEntry[]).filter((e) => typeof e?.id === 'string') : [];
  } catch {
    return [];
  }
}
