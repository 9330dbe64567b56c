import { httpResource } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import type { NotificationView, Page } from '@jinan/contracts';
import { filter } from 'rxjs';
import { Session } from './session';

const REFRESH_MS = 60_000;

/** The signed-in user's unread notification count, for the toolbar bell. */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly session = inject(Session);
  private readonly unread = httpResource<Page<NotificationView>>(() =>
    this.session.user() ? { url: '/api/notifications', params: { unread: 'true', pageSize: 1 } } : undefined,
  );
  readonly count = computed(() => (this.session.user() ? (this.unread.value()?.total ?? 0) : 0));

  constructor() {
    // Fresh on every navigation and once a minute; the API pushes nothing.
    const sub = inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationEnd))
      .subscribe(() => this.refresh());
    const timer = setInterval(() => this.refresh(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      sub.unsubscribe();
      clearInterval(timer);
    });
  }

  refresh(): void {
    if (this.session.user()) this.unread.reload();
  }
}
