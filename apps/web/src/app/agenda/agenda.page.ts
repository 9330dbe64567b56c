import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItemView, SessionView } from '@jinan/contracts';
import { errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { TimeZones } from '../core/time-zones';
import { MeetingsApi } from '../meetings/meetings.api';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { dayInZone, ZonedTimePipe } from '../shared/zoned-time';
import { AgendaApi } from './agenda.api';
import { Feedback } from '../shared/feedback';

/** One line of the day: a meeting of the viewer's, or a programme session everyone attends. */
interface AgendaRow {
  key: string;
  startsAt: string;
  item?: AgendaItemView;
  session?: SessionView;
}

/**
 * A party's published slots as a day timeline, in the viewer's zone and the edition's;
 * confirm or decline a slot, download it as .ics or subscribe to it.
 */
@Component({
  selector: 'app-agenda-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ZonedTimePipe,
    LocalizedTextComponent,
  ],
  styles: `
    .day {
      margin-top: 20px;
    }
    .item {
      display: grid;
      grid-template-columns: 8.5rem 1fr;
      gap: 4px 16px;
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      font-variant-numeric: tabular-nums;
    }
    /* Programme sessions everyone attends: quieter than one's own meetings. */
    .programme {
      color: var(--mat-sys-on-surface-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .programme .local {
      font: inherit;
    }
    .when .local {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      display: block;
    }
    .when .event {
      font-size: 0.85rem;
      display: block;
    }
    .counterpart {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 4px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .item .actions {
      margin-top: 8px;
    }
    .reason {
      flex: 1 1 200px;
    }
    .feed-url {
      word-break: break-all;
      font-family: ui-monospace, monospace;
      font-size: 0.85rem;
    }
    @media (max-width: 599px) {
      .item {
        grid-template-columns: 1fr;
      }
    }
  `,
  template: `
    <h1>{{ 'agenda.title' | transloco }}</h1>
    <p class="muted">{{ 'agenda.timesIn' | transloco: { zone: ('zones.' + zone() | transloco), editionZone: ('zones.' + editionZone() | transloco) } }}</p>
    <div class="actions">
      <button mat-flat-button type="button" (click)="downloadIcs()" [disabled]="!editionId() || downloading()">{{ 'agenda.ics' | transloco }}</button>
      <a mat-stroked-button routerLink="/reports/agenda">{{ 'agenda.print' | transloco }}</a>
    </div>

    @if (agenda.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    @if (agenda.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }

    @for (day of days(); track day.date) {
      <section class="day" [attr.data-day]="day.date">
        <h2>{{ day.rows[0].startsAt | zonedTime: zone() : 'date' : language.current() }}</h2>
        @for (row of day.rows; track row.key) {
          @if (row.session; as session) {
            <article class="item programme" [attr.data-programme]="session.kind">
              <div class="when">
                <span class="local">
                  {{ session.startsAt | zonedTime: zone() : 'time' : language.current() }}–{{
                    session.endsAt | zonedTime: zone() : 'time' : language.current()
                  }}
                </span>
              </div>
              <div>
                <h3 class="counterpart"><app-localized [texts]="session.title" /></h3>
                <div class="facts">
                  <span class="chip">{{ 'sessionKind.' + session.kind | transloco }}</span>
                  @if (session.venue) {
                    <span>{{ session.venue }}</span>
                  }
                </div>
              </div>
            </article>
          } @else if (row.item; as item) {
            <article class="item" [attr.data-meeting]="item.meetingId">
              <div class="when">
                <span class="local" data-test="local-time">
                  {{ item.startsAt | zonedTime: zone() : 'time' : language.current() }}–{{ item.endsAt | zonedTime: zone() : 'time' : language.current() }}
                </span>
                @if (zone() !== editionZone()) {
                  <span class="event muted" data-test="event-time">
                    {{ item.editionStartsAt | zonedTime: editionZone() : 'time' : language.current() }}–{{
                      item.editionEndsAt | zonedTime: editionZone() : 'time' : language.current()
                    }}
                    {{ 'zones.' + editionZone() | transloco }}
                  </span>
                }
              </div>
              <div>
                <h3 class="counterpart">
                  <a [routerLink]="['/organizations', item.counterpart.id]"><app-localized [texts]="item.counterpart.name" [primary]="primaryOf(item)" /></a>
                </h3>
                <div class="facts">
                  <span>{{ 'agenda.table' | transloco: { number: item.tableNumber } }}</span>
                  @if (item.venue) {
                    <span>{{ item.venue }}</span>
                  }
                  <span>{{ 'sector.' + item.sector | transloco }}</span>
                </div>
                @if (item.offer; as offer) {
                  <p>{{ 'meetings.about' | transloco }}: <app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></p>
                }
                <div class="chips">
                  <span class="chip status-{{ item.status }}">{{ 'meetingStatus.' + item.status | transloco }}</span>
                  @if (item.confirmedByMe && item.status !== 'confirmed') {
                    <span class="chip">{{ 'agenda.confirmedByYou' | transloco }}</span>
                  }
                </div>
                @if (item.status === 'scheduled' || item.status === 'confirmed') {
                  @if (!item.confirmedByMe) {
                    <div class="actions">
                      <button mat-flat-button type="button" (click)="respond(item, 'accept')" [disabled]="busy()">{{ 'agenda.confirm' | transloco }}</button>
                    </div>
                  }
                  <div class="actions">
                    <mat-form-field class="reason" subscriptSizing="dynamic">
                      <mat-label>{{ 'meetings.reason' | transloco }}</mat-label>
                      <input matInput [(ngModel)]="reasons[item.meetingId]" />
                    </mat-form-field>
                    <button mat-stroked-button type="button" (click)="respond(item, 'decline')" [disabled]="busy()">{{ 'agenda.decline' | transloco }}</button>
                  </div>
                }
              </div>
            </article>
          }
        }
      </section>
    }
    @if (agenda.hasValue() && !agenda.value().items.length) {
      <p>{{ 'agenda.none' | transloco }}</p>
    }

    <h2>{{ 'agenda.feed' | transloco }}</h2>
    <mat-card appearance="outlined">
      <mat-card-content>
        <p class="muted">{{ 'agenda.feedHint' | transloco }}</p>
        @if (feedUrl(); as url) {
          <p class="feed-url" data-test="feed-url">{{ url }}</p>
          <p class="muted">{{ 'agenda.feedOnce' | transloco }}</p>
        } @else if (feed.value()?.active) {
          <p>{{ 'agenda.feedActive' | transloco }}</p>
        }
        <div class="actions">
          <button mat-stroked-button type="button" (click)="createFeed()" [disabled]="busy()">
            {{ (feed.value()?.active ? 'agenda.feedRenew' : 'agenda.feedCreate') | transloco }}
          </button>
          @if (feed.value()?.active) {
            <button mat-button type="button" (click)="revokeFeed()" [disabled]="busy()">{{ 'agenda.feedRevoke' | transloco }}</button>
          }
        </div>
      </mat-card-content>
    </mat-card>
  `,
})
export class AgendaPage {
  private readonly api = inject(AgendaApi);
  private readonly meetings = inject(MeetingsApi);
  protected readonly edition = inject(CurrentEdition);
  private readonly zones = inject(TimeZones);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(Language);

  protected readonly editionId = computed(() => this.edition.summary()?.id ?? null);
  protected readonly zone = this.zones.displayZone;
  protected readonly agenda = rxResource({
    params: () => {
      const editionId = this.editionId();
      return editionId ? { editionId, zone: this.zone() } : undefined;
    },
    stream: ({ params }) => this.api.agenda(params.editionId, params.zone),
  });
  protected readonly editionZone = computed(() => this.agenda.value()?.editionZone ?? this.zones.editionZone());
  /**
   * The meetings and the programme around them (plenary, breaks, park visit), grouped by
   * the day each falls on in the viewer's zone, in time order.
   */
  protected readonly days = computed(() => {
    const rows: AgendaRow[] = (this.agenda.value()?.items ?? []).map((item) => ({ key: item.meetingId, startsAt: item.startsAt, item }));
    for (const session of this.edition.edition.value()?.sessions ?? []) {
      if (session.kind !== 'negotiation') rows.push({ key: session.id, startsAt: session.startsAt, session });
    }
    const byDay = new Map<string, AgendaRow[]>();
    for (const row of rows.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
      const day = dayInZone(row.startsAt, this.zone());
      byDay.set(day, [...(byDay.get(day) ?? []), row]);
    }
    return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, rows]) => ({ date, rows }));
  });
  protected readonly feed = rxResource({ stream: () => this.api.feedStatus() });
  protected readonly feedUrl = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly downloading = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);
  protected readonly reasons: Record<string, string> = {};

  protected primaryOf(item: AgendaItemView): 'ja' | 'zh' {
    // The counterpart of a Japanese firm is a Ji'nan company, and the other way round.
    return item.counterpart.name.zh ? 'zh' : 'ja';
  }

  protected respond(item: AgendaItemView, decision: 'accept' | 'decline'): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.meetings.respond(item.meetingId, { decision, reason: decision === 'decline' ? this.reasons[item.meetingId] || undefined : undefined }).subscribe({
      next: () => {
        this.busy.set(false);
        this.agenda.reload();
        this.feedback.done(decision === 'accept' ? 'meetings.acceptedDone' : 'meetings.declinedDone');
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  protected downloadIcs(): void {
    const editionId = this.editionId();
    if (!editionId) return;
    this.downloading.set(true);
    this.error.set('');
    this.api.ics(editionId).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = `agenda-${this.edition.summary()?.year ?? ''}.ics`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (e: unknown) => {
        this.downloading.set(false);
        this.error.set(errorText(e));
      },
    });
  }

  protected createFeed(): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.createFeed().subscribe({
      next: (view) => {
        this.busy.set(false);
        this.feedUrl.set(view.url);
        this.feed.set({ active: true, createdAt: view.createdAt });
        this.feedback.done('agenda.feedCreatedDone');
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  protected revokeFeed(): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.revokeFeed().subscribe({
      next: () => {
        this.busy.set(false);
        this.feedUrl.set(null);
        this.feed.set({ active: false, createdAt: null });
        this.feedback.done('agenda.feedRevokedDone');
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  private fail(e: unknown): void {
    this.busy.set(false);
    this.error.set(errorText(e));
  }
}
