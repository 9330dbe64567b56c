import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { GridBookingView, LeftOutView, MultilingualName, ScheduleRunView, SessionView } from '@jinan/contracts';
import { catchError, of, switchMap, takeWhile, throwError, timer } from 'rxjs';
import { ApiError, errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { MeetingsApi } from '../meetings/meetings.api';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { pickLocalized } from '../shared/localized-text';
import { formatInZone, ZonedTimePipe } from '../shared/zoned-time';
import { BureauApi } from './bureau.api';
import { GridEditorComponent } from './grid-editor.component';
import { Confirm } from '../shared/confirm-dialog';
import { Feedback } from '../shared/feedback';

const POLL_MS = 1000;

interface GridSession {
  session: SessionView;
  /** bookings by `${slotId}/${tableNumber}` */
  cells: Map<string, GridBookingView>;
  count: number;
}

/**
 * The bureau runs the scheduler, follows the run, reads why meetings were left out,
 * inspects the grid (session × slot × table) and publishes the agenda.
 */
@Component({
  selector: 'app-scheduler-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ZonedTimePipe,
    LocalizedTextComponent,
    GridEditorComponent,
  ],
  styles: `
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    .stats div {
      display: flex;
      flex-direction: column;
    }
    .stats dt {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85rem;
    }
    .stats dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      font-variant-numeric: tabular-nums;
    }
    .left-out {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .left-out li {
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 0.8rem;
    }
    .grid-wrap {
      overflow-x: auto;
      max-width: 100%;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    table.grid {
      border-collapse: collapse;
      font-size: 0.8rem;
    }
    .grid th,
    .grid td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 4px 6px;
      vertical-align: top;
    }
    .grid thead th {
      background: var(--mat-sys-surface-container);
      position: sticky;
      top: 0;
    }
    .grid th[scope='row'] {
      background: var(--mat-sys-surface-container);
      position: sticky;
      left: 0;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .grid td {
      min-width: 9rem;
      max-width: 12rem;
    }
    .grid td.booked {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .grid td.booked.published {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .cell-line {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      font-size: 0.85rem;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      vertical-align: middle;
      margin-inline-end: 4px;
    }
    .seed {
      width: 10rem;
    }
    details {
      margin: 8px 0;
    }
    summary {
      cursor: pointer;
      padding: 8px 0;
      font: var(--mat-sys-title-small);
      font-family: inherit;
    }
    .cell-button {
      all: unset;
      box-sizing: border-box;
      display: block;
      width: 100%;
      cursor: pointer;
    }
    .cell-button:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .grid td.selected {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .marks {
      font-size: 0.75rem;
      font-weight: 600;
    }
    summary .muted {
      font-weight: normal;
    }
  `,
  template: `
    <h1>{{ 'scheduler.title' | transloco }}</h1>

    <mat-card appearance="outlined">
      <mat-card-content>
        <div class="actions">
          <mat-checkbox [(ngModel)]="allowAnySession">{{ 'scheduler.allowAnySession' | transloco }}</mat-checkbox>
          <mat-form-field class="seed" subscriptSizing="dynamic">
            <mat-label>{{ 'scheduler.seed' | transloco }}</mat-label>
            <input matInput type="number" min="1" [(ngModel)]="seed" />
          </mat-form-field>
          <button mat-flat-button type="button" (click)="startRun()" [disabled]="running() || busy() || !editionId()">{{ 'scheduler.run' | transloco }}</button>
          @if (pinned().size || excluded().size) {
            <span class="muted" data-run-options>{{ 'grid.runOptions' | transloco: { pinned: pinned().size, excluded: excluded().size } }}</span>
          }
          <button mat-stroked-button type="button" (click)="publish()" [disabled]="running() || busy() || !editionId()">
            {{ 'scheduler.publish' | transloco }}
          </button>
          <a mat-button routerLink="/reports/dashboard">{{ 'nav.reports' | transloco }}</a>
        </div>
        @if (run.value(); as r) {
          <p class="muted" role="status">
            {{ 'scheduleRunStatus.' + r.status | transloco }}
            @if (r.finishedAt) {
              · {{ r.finishedAt | zonedTime: zone() : 'datetime' : language.current() }}
            }
          </p>
          @if (r.status === 'queued' || r.status === 'running') {
            <mat-progress-bar mode="determinate" [value]="r.progress" [attr.aria-label]="'scheduler.progress' | transloco" />
          }
          @if (r.error) {
            <p class="form-error" role="alert">{{ r.error }}</p>
          }
        }
        @if (message()) {
          <p role="status" class="published-message">{{ message() }}</p>
        }
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </mat-card-content>
    </mat-card>

    @if (run.value()?.statistics; as s) {
      <h2>{{ 'scheduler.statistics' | transloco }}</h2>
      <dl class="stats">
        <div>
          <dt>{{ 'scheduler.placed' | transloco }}</dt>
          <dd>{{ s.placed }} / {{ s.requested }}</dd>
        </div>
        <div>
          <dt>{{ 'scheduler.weighted' | transloco }}</dt>
          <dd>{{ fixed(s.weightedPlaced) }} / {{ fixed(s.upperBound) }}</dd>
        </div>
        <div>
          <dt>{{ 'scheduler.gap' | transloco }}</dt>
          <dd>{{ percent(s.gap) }}</dd>
        </div>
        @if (s.completeness; as c) {
          <div data-testid="completeness">
            <dt>{{ 'scheduler.complete' | transloco }}</dt>
            <dd>
              {{ 'scheduler.completeness.' + c.status | transloco: { bound: fixed(c.bound), requested: fixed(c.requestedWeight) } }}
              <span class="muted">({{ 'scheduler.completeMethod.' + methodKey(c.method) | transloco }})</span>
            </dd>
          </div>
        }
        @if (s.gaps; as g) {
          <div data-testid="gaps">
            <dt>{{ 'scheduler.gaps' | transloco }}</dt>
            <dd>
              {{ g.total }}
              <span class="muted"
                >({{ 'scheduler.gapsDetail' | transloco: { bound: g.lowerBound, max: g.maxPerOrganization } }};
                {{ 'scheduler.gapScope.' + g.scope | transloco }})</span
              >
            </dd>
          </div>
        }
        <div>
          <dt>{{ 'scheduler.holes' | transloco }}</dt>
          <dd>
            {{ s.holes.total }} <span class="muted">({{ 'scheduler.holesMax' | transloco: { max: s.holes.max } }})</span>
          </dd>
        </div>
        <div>
          <dt>{{ 'scheduler.tableChanges' | transloco }}</dt>
          <dd>{{ s.tableChanges }}</dd>
        </div>
        <div>
          <dt>{{ 'scheduler.moved' | transloco }}</dt>
          <dd>{{ s.moved }}</dd>
        </div>
        <div>
          <dt>{{ 'scheduler.runtime' | transloco }}</dt>
          <dd>{{ seconds(s.runtimeMs) }}</dd>
        </div>
      </dl>
    }

    @if (run.value(); as r) {
      @if (r.status === 'succeeded') {
        <h2>{{ 'scheduler.leftOut' | transloco: { count: r.leftOut.length } }}</h2>
        @if (r.leftOut.length) {
          <ul class="left-out">
            @for (l of r.leftOut; track l.meetingId) {
              <li [attr.data-left-out]="l.meetingId">
                <strong>{{ pairName(l.meetingId) }}</strong>
                <div [attr.data-reason]="l.code">{{ reason(l) }}</div>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ 'scheduler.noneLeftOut' | transloco }}</p>
        }
      }
    }

    <h2>{{ 'scheduler.grid' | transloco }}</h2>
    <p class="legend">
      <span><span class="swatch" style="background: var(--mat-sys-tertiary-container)"></span>{{ 'scheduler.unpublished' | transloco }}</span>
      <span><span class="swatch" style="background: var(--mat-sys-primary-container)"></span>{{ 'scheduler.published' | transloco }}</span>
      <span class="muted">{{ 'scheduler.timesIn' | transloco: { zone: ('zones.' + zone() | transloco) } }}</span>
    </p>
    <p class="muted">{{ 'grid.hint' | transloco }}</p>
    @if (selectedBooking(); as sb) {
      <app-grid-editor
        [booking]="sb"
        [bookings]="grid.value()?.bookings ?? []"
        [sessions]="negotiationSessions()"
        [zone]="zone()"
        [pinned]="pinned().has(sb.meetingId)"
        [excluded]="excluded().has(sb.meetingId)"
        (moved)="afterMove()"
        (pin)="toggle(pinned, sb.meetingId, $event)"
        (exclude)="toggle(excluded, sb.meetingId, $event)"
        (closed)="selected.set(null)"
      />
    }
    @if (grid.isLoading() || edition.edition.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @for (g of sessions(); track g.session.id) {
      <details [open]="g.count > 0" [attr.data-session]="g.session.id">
        <summary>
          <app-localized [texts]="g.session.title" />
          <span class="muted">
            · {{ g.session.startsAt | zonedTime: zone() : 'day' : language.current() }}
            {{ g.session.startsAt | zonedTime: zone() : 'time' : language.current() }}–{{
              g.session.endsAt | zonedTime: zone() : 'time' : language.current()
            }}
            · {{ 'scheduler.booked' | transloco: { count: g.count } }}
          </span>
        </summary>
        <div class="grid-wrap" tabindex="0" role="region" [attr.aria-label]="sessionLabel(g.session)">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{{ 'scheduler.slot' | transloco }}</th>
                @for (t of g.session.tables; track t.id) {
                  <th scope="col">{{ 'scheduler.table' | transloco: { number: t.number } }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (slot of g.session.slots; track slot.id) {
                <tr>
                  <th scope="row">
                    {{ slot.startsAt | zonedTime: zone() : 'time' : language.current() }}–{{ slot.endsAt | zonedTime: zone() : 'time' : language.current() }}
                  </th>
                  @for (t of g.session.tables; track t.id) {
                    @let b = g.cells.get(slot.id + '/' + t.number);
                    @if (b) {
                      <td class="booked" [class.published]="b.published" [class.selected]="selected() === b.meetingId" [attr.data-meeting]="b.meetingId">
                        <button type="button" class="cell-button" (click)="selected.set(b.meetingId)" [attr.aria-pressed]="selected() === b.meetingId">
                          <span class="cell-line"><app-localized [texts]="b.jp.name" primary="ja" /></span>
                          <span class="cell-line"><app-localized [texts]="b.cn.name" /></span>
                          <span class="cell-line muted">{{ 'meetingStatus.' + b.status | transloco }}</span>
                          @if (pinned().has(b.meetingId) || excluded().has(b.meetingId)) {
                            <span class="cell-line marks">{{ (pinned().has(b.meetingId) ? 'grid.pinned' : 'grid.excluded') | transloco }}</span>
                          }
                        </button>
                      </td>
                    } @else {
                      <td></td>
                    }
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    }
  `,
})
export class SchedulerPage {
  private readonly api = inject(BureauApi);
  private readonly meetingsApi = inject(MeetingsApi);
  protected readonly edition = inject(CurrentEdition);
  protected readonly language = inject(Language);
  private readonly transloco = inject(TranslocoService);

  protected readonly editionId = computed(() => this.edition.summary()?.id ?? null);
  protected readonly zone = computed(() => this.edition.summary()?.timeZone ?? 'Asia/Shanghai');
  protected allowAnySession = false;
  protected seed: number | null = null;

  /** The run followed on this screen: the one just started, else the edition's latest. */
  private readonly runId = signal<string | null>(null);
  protected readonly run = rxResource<ScheduleRunView | undefined, { editionId: string; runId: string | null } | undefined>({
    params: () => {
      const editionId = this.editionId();
      return editionId ? { editionId, runId: this.runId() } : undefined;
    },
    // Polls until the run has finished, then stops; no run yet (404) shows nothing.
    stream: ({ params }) =>
      timer(0, POLL_MS).pipe(
        switchMap(() => (params.runId ? this.api.scheduleRun(params.editionId, params.runId) : this.api.latestScheduleRun(params.editionId))),
        takeWhile((r) => r.status === 'queued' || r.status === 'running', true),
        catchError((e: unknown) => (e instanceof ApiError && e.status === 404 ? of(undefined) : throwError(() => e))),
      ),
  });
  protected readonly running = computed(() => {
    const status = this.run.value()?.status;
    return status === 'queued' || status === 'running';
  });

  protected readonly grid = rxResource({
    params: () => {
      const editionId = this.editionId();
      // Reload the grid when a run finishes.
      const finished = this.run.value()?.finishedAt ?? null;
      return editionId ? { editionId, finished, version: this.gridVersion() } : undefined;
    },
    stream: ({ params }) => this.api.scheduleGrid(params.editionId),
  });
  private readonly gridVersion = signal(0);

  /** Accepted meetings, to name the left-out ones (and the organisations in their reasons). */
  private readonly accepted = rxResource({
    params: () => (this.run.value()?.leftOut.length ? this.editionId() : undefined) ?? undefined,
    stream: ({ params }) => this.meetingsApi.list(params, { status: 'accepted', pageSize: 100 }),
  });
  private readonly names = computed(() => {
    const meetings = new Map<string, { jp: MultilingualName; cn: MultilingualName }>();
    const orgs = new Map<string, MultilingualName>();
    for (const m of this.accepted.value()?.items ?? []) {
      meetings.set(m.id, { jp: m.jpOrganization.name, cn: m.cnOrganization.name });
      orgs.set(m.jpOrganization.id, m.jpOrganization.name);
      orgs.set(m.cnOrganization.id, m.cnOrganization.name);
    }
    for (const b of this.grid.value()?.bookings ?? []) {
      orgs.set(b.jp.id, b.jp.name);
      orgs.set(b.cn.id, b.cn.name);
    }
    return { meetings, orgs };
  });

  protected readonly sessions = computed<GridSession[]>(() => {
    const edition = this.edition.edition.value();
    if (!edition) return [];
    const bookings = this.grid.value()?.bookings ?? [];
    return edition.sessions
      .filter((s) => s.kind === 'negotiation')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((session) => {
        const cells = new Map<string, GridBookingView>();
        for (const b of bookings) if (b.sessionId === session.id) cells.set(`${b.slotId}/${b.tableNumber}`, b);
        return { session, cells, count: cells.size };
      });
  });

  /** Hand edits: the meeting picked in the grid, and the pin / exclude options of the next run. */
  protected readonly selected = signal<string | null>(null);
  protected readonly selectedBooking = computed(() => (this.grid.value()?.bookings ?? []).find((b) => b.meetingId === this.selected()) ?? null);
  protected readonly pinned = signal<ReadonlySet<string>>(new Set());
  protected readonly excluded = signal<ReadonlySet<string>>(new Set());
  protected readonly negotiationSessions = computed(() => (this.edition.edition.value()?.sessions ?? []).filter((s) => s.kind === 'negotiation'));

  protected toggle(set: typeof this.pinned, meetingId: string, on: boolean): void {
    set.update((old) => {
      const next = new Set(old);
      if (on) next.add(meetingId);
      else next.delete(meetingId);
      return next;
    });
    // A meeting is either kept where it is or left out, not both.
    const other = set === this.pinned ? this.excluded : this.pinned;
    if (on) other.update((old) => new Set([...old].filter((id) => id !== meetingId)));
  }

  protected afterMove(): void {
    this.message.set(this.transloco.translate('grid.moved'));
    this.gridVersion.update((v) => v + 1);
  }

  protected readonly busy = signal(false);
  private readonly confirm = inject(Confirm);
  private readonly feedback = inject(Feedback);
  protected readonly message = signal('');
  protected readonly error = signal('');

  protected startRun(): void {
    const editionId = this.editionId();
    if (!editionId || this.busy()) return;
    this.busy.set(true);
    this.message.set('');
    this.error.set('');
    const seed = this.seed && this.seed > 0 ? Math.floor(this.seed) : undefined;
    const pin = [...this.pinned()];
    const exclude = [...this.excluded()];
    this.api
      .runScheduler(editionId, {
        allowAnySession: this.allowAnySession || undefined,
        seed,
        pin: pin.length ? pin : undefined,
        exclude: exclude.length ? exclude : undefined,
      })
      .subscribe({
        next: (r) => {
          this.busy.set(false);
          this.runId.set(r.id);
          this.feedback.done('scheduler.runStarted');
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(errorText(e));
        },
      });
  }

  /** Publishing notifies every party: the bureau sees how many meetings and organisations first. */
  protected publish(): void {
    const editionId = this.editionId();
    if (!editionId || this.busy()) return;
    const pending = (this.grid.value()?.bookings ?? []).filter((b) => !b.published);
    if (!pending.length) {
      this.message.set(this.transloco.translate('scheduler.nothingToPublish'));
      return;
    }
    const organisations = new Set(pending.flatMap((b) => [b.jp.id, b.cn.id])).size;
    this.confirm
      .ask({
        title: this.transloco.translate('scheduler.confirmPublish.title'),
        consequences: [
          this.transloco.translate('scheduler.confirmPublish.meetings', { count: pending.length }),
          this.transloco.translate('scheduler.confirmPublish.notified', { count: organisations }),
          this.transloco.translate('scheduler.confirmPublish.final'),
        ],
        confirm: this.transloco.translate('scheduler.publish'),
      })
      .subscribe((answer) => answer && this.publishNow(editionId));
  }

  private publishNow(editionId: string): void {
    this.busy.set(true);
    this.message.set('');
    this.error.set('');
    this.api.publishSchedule(editionId).subscribe({
      next: ({ published }) => {
        this.busy.set(false);
        this.message.set(this.transloco.translate('scheduler.publishedCount', { count: published }));
        this.feedback.done('scheduler.publishedCount', { count: published });
        this.gridVersion.update((v) => v + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        if (e instanceof ApiError && e.code === 'SCHEDULE_NOTHING_TO_PUBLISH') this.message.set(this.transloco.translate('scheduler.nothingToPublish'));
        else this.error.set(errorText(e));
      },
    });
  }

  protected pairName(meetingId: string): string {
    const pair = this.names().meetings.get(meetingId);
    return pair ? `${this.name(pair.jp, 'ja')} — ${this.name(pair.cn, 'zh')}` : meetingId.slice(0, 8);
  }

  /** The reason in the viewer's language, organisation ids replaced by their names. */
  protected reason(l: LeftOutView): string {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(l.params)) params[key] = this.orgName(value);
    const key = `scheduler.reason.${l.code}`;
    const sentence = this.transloco.translate(key, params);
    if (sentence === key) return l.message;
    if (l.code !== 'OUTRANKED' && l.code !== 'COMMON_SLOTS_TAKEN') return sentence;
    // The tally: "<cause>[:<organisation>]" → number of common slots.
    const causes = Object.entries(l.params).map(([cause, count]) => {
      const [kind, org] = cause.split(':');
      return this.transloco.translate(`scheduler.cause.${kind}`, { organization: org ? this.orgName(org) : '', count });
    });
    return `${sentence} ${causes.join(this.language.current() === 'en' ? '; ' : '；')}`;
  }

  /** Unique per session: the same sessions recur on each day. */
  protected sessionLabel(session: SessionView): string {
    const title = pickLocalized(session.title, this.language.content())?.text ?? '';
    return `${title} ${formatInZone(session.startsAt, this.zone(), 'datetime', this.language.current())}`;
  }

  /** The engine's completeness method ('relaxation bound', …) as a translation key. */
  protected methodKey(method: string): string {
    return method.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
  }

  protected fixed(value: number): string {
    return new Intl.NumberFormat(this.language.current(), { maximumFractionDigits: 1 }).format(value);
  }

  protected percent(share: number): string {
    return new Intl.NumberFormat(this.language.current(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
  }

  protected seconds(ms: number): string {
    const [unit, value] = ms < 1000 ? (['millisecond', ms] as const) : (['second', ms / 1000] as const);
    return new Intl.NumberFormat(this.language.current(), { style: 'unit', unit, maximumFractionDigits: unit === 'second' ? 2 : 0 }).format(value);
  }

  private orgName(value: string | number): string | number {
    const org = typeof value === 'string' ? this.names().orgs.get(value) : undefined;
    return org ? this.name(org, 'zh') : value;
  }

  private name(name: MultilingualName, primary: 'ja' | 'zh'): string {
    return pickLocalized(name, this.language.content(), primary)?.text ?? '';
  }
}
