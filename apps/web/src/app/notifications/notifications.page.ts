import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationView, Role } from '@jinan/contracts';
import { concatMap, from, toArray } from 'rxjs';
import { errorText } from '../core/api-error';
import { Language } from '../core/language';
import { Session } from '../core/session';
import { TimeZones } from '../core/time-zones';
import { UnreadNotifications } from '../core/unread-notifications';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { ZonedTimePipe } from '../shared/zoned-time';
import { NotificationsApi } from './notifications.api';

/** Where a meeting's notification leads, per role. */
const MEETING_PAGE: Record<Role, string> = { jp: '/meetings', cn: '/meetings', bureau: '/bureau/review' };

@Component({
  selector: 'app-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, MatProgressBarModule, TranslocoPipe, ZonedTimePipe, LocalizedTextComponent],
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      padding: 10px 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    li.unread {
      background: var(--mat-sys-surface-container);
    }
    li.unread .what {
      font-weight: 600;
    }
    .what {
      flex: 1 1 240px;
      min-width: 0;
    }
    .when {
      font-variant-numeric: tabular-nums;
      font-size: 0.85rem;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      display: inline-block;
      margin-inline-end: 6px;
    }
  `,
  template: `
    <h1>{{ 'notifications.title' | transloco }}</h1>
    <div class="actions">
      <mat-button-toggle-group [value]="filter()" (change)="filter.set($event.value)" [attr.aria-label]="'notifications.filter' | transloco">
        <mat-button-toggle value="all">{{ 'notifications.all' | transloco }}</mat-button-toggle>
        <mat-button-toggle value="unread">{{ 'notifications.unread' | transloco }}</mat-button-toggle>
      </mat-button-toggle-group>
      <button mat-stroked-button type="button" (click)="markAll()" [disabled]="busy() || !unreadShown().length">
        {{ 'notifications.markAll' | transloco }}
      </button>
    </div>
    @if (list.isLoading() || busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    <ul>
      @for (n of list.value()?.items ?? []; track n.id) {
        <li [class.unread]="!n.readAt" [attr.data-notification]="n.id">
          <div class="what">
            @if (!n.readAt) {
              <span class="dot" [attr.aria-label]="'notifications.unread' | transloco" role="img"></span>
            }
            @if (n.counterpartName; as name) {
              <app-localized [texts]="name" [primary]="name.zh ? 'zh' : 'ja'" />{{ 'common.colon' | transloco }}
            } @else if (n.parties; as p) {
              <app-localized [texts]="p.jp" primary="ja" /> – <app-localized [texts]="p.cn" primary="zh" />{{ 'common.colon' | transloco }}
            }
            {{ 'notifications.action.' + n.action | transloco }}
            @if (n.from && n.from !== n.to) {
              <span class="muted">({{ 'meetingStatus.' + n.from | transloco }} → {{ 'meetingStatus.' + n.to | transloco }})</span>
            }
            @if (n.note) {
              <div class="muted">“{{ n.note }}”</div>
            }
          </div>
          <span class="when muted">{{ n.createdAt | zonedTime: zones.displayZone() : 'datetime' : language.current() }}</span>
          @if (n.meetingId) {
            <a mat-button [routerLink]="meetingPage()" (click)="read(n)">{{ 'notifications.open' | transloco }}</a>
          }
          @if (!n.readAt) {
            <button mat-button type="button" (click)="read(n)" [disabled]="busy()">{{ 'notifications.markRead' | transloco }}</button>
          }
        </li>
      } @empty {
        @if (list.hasValue()) {
          <li class="muted">{{ 'notifications.none' | transloco }}</li>
        }
      }
    </ul>
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotifications);
  private readonly session = inject(Session);
  protected readonly zones = inject(TimeZones);
  protected readonly language = inject(Language);

  protected readonly filter = signal<'all' | 'unread'>('all');
  protected readonly list = rxResource({
    params: () => ({ unread: this.filter() === 'unread' }),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly unreadShown = computed(() => (this.list.value()?.items ?? []).filter((n) => !n.readAt));
  protected readonly meetingPage = computed(() => MEETING_PAGE[this.session.role() ?? 'jp']);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected read(n: NotificationView): void {
    if (n.readAt) return;
    this.mark([n.id]);
  }

  protected markAll(): void {
    this.mark(this.unreadShown().map((n) => n.id));
  }

  private mark(ids: string[]): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    from(ids)
      .pipe(
        concatMap((id) => this.api.markRead(id)),
        toArray(),
      )
      .subscribe({
        next: (read) => {
          this.busy.set(false);
          const byId = new Map(read.map((n) => [n.id, n]));
          this.list.update((page) => page && { ...page, items: page.items.map((n) => byId.get(n.id) ?? n) });
          this.unread.refresh();
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(errorText(e));
        },
      });
  }
}
