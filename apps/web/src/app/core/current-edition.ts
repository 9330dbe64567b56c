import { httpResource } from '@angular/common/http';
import { computed, effect, inject, Injectable } from '@angular/core';
import type { EditionSummary, EditionView } from '@jinan/contracts';
import { Session } from './session';
import { TimeZones } from './time-zones';

/** The edition the app works on: the latest open one, else the latest. */
@Injectable({ providedIn: 'root' })
export class CurrentEdition {
  private readonly session = inject(Session);
  private readonly zones = inject(TimeZones);

  private readonly list = httpResource<EditionSummary[]>(() => (this.session.user() ? '/api/events' : undefined));
  readonly summary = computed(() => {
    const editions = [...(this.list.value() ?? [])].sort((a, b) => b.year - a.year);
    return editions.find((e) => e.status === 'open') ?? editions[0] ?? null;
  });
  readonly edition = httpResource<EditionView>(() => {
    const id = this.summary()?.id;
    return id ? `/api/events/${id}` : undefined;
  });

  constructor() {
    effect(() => {
      const zone = this.summary()?.timeZone;
      if (zone) this.zones.editionZone.set(zone);
    });
  }

  reload(): void {
    this.list.reload();
  }
}
