import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EditionView, SessionView } from '@jinan/contracts';
import { defaultEditionDates, EVENT_TIME_ZONE } from '@jinan/contracts/edition-dates';
import { applyFieldErrors, errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { dayInZone, formatEditionDate, ZonedTimePipe } from '../shared/zoned-time';
import { BureauApi } from './bureau.api';
import { EditionOrganiserComponent } from './edition-organiser.component';
import { Feedback } from '../shared/feedback';

interface SessionDraft {
  slotMinutes: number | null;
  tableCount: number | null;
  interpreters: number | null;
}

/** Edition setup: create a year's edition (dates from the rule), then shape its negotiation sessions. */
@Component({
  selector: 'app-edition-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    TranslocoPipe,
    ZonedTimePipe,
    LocalizedTextComponent,
    EditionOrganiserComponent,
  ],
  styles: `
    .session {
      display: grid;
      grid-template-columns: 9rem 1fr;
      gap: 4px 12px;
      padding: 10px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .session .time {
      font-variant-numeric: tabular-nums;
    }
    .session .edit {
      grid-column: 2;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .session .edit mat-form-field {
      width: 8.5rem;
    }
    @media (max-width: 599px) {
      .session {
        grid-template-columns: 1fr;
      }
      .session .edit {
        grid-column: 1;
      }
    }
  `,
  template: `
    <h1>{{ 'edition.title' | transloco }}</h1>
    <mat-form-field>
      <mat-label>{{ 'edition.pick' | transloco }}</mat-label>
      <mat-select [value]="effectiveId()" (selectionChange)="selectedId.set($event.value)">
        @for (e of editions.value() ?? []; track e.id) {
          <mat-option [value]="e.id">{{ e.year }} · {{ 'editionStatus.' + e.status | transloco }}</mat-option>
        }
      </mat-select>
    </mat-form-field>

    @if (edition.value(); as ed) {
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title><app-localized [texts]="ed.name" /></mat-card-title>
          <mat-card-subtitle>
            {{ editionDate(ed.startDate, ed.timeZone) }} – {{ editionDate(ed.endDate, ed.timeZone) }} · {{ 'zones.' + ed.timeZone | transloco }}
          </mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <p class="muted">
            {{ 'edition.slotMinutes' | transloco }}: {{ ed.slotMinutes }} · {{ 'edition.maxPerDay' | transloco }}: {{ ed.maxMeetingsPerOrgPerDay }}
          </p>
          <app-edition-organiser [edition]="ed" (updated)="edition.set($event)" />
          @for (day of days(); track day.date) {
            <h2>{{ editionDate(day.date, ed.timeZone) }}</h2>
            @for (s of day.sessions; track s.id) {
              <div class="session" [attr.data-session]="s.id">
                <div class="time">
                  {{ s.startsAt | zonedTime: ed.timeZone : 'time' : language.current() }}–{{ s.endsAt | zonedTime: ed.timeZone : 'time' : language.current() }}
                </div>
                <div>
                  <strong><app-localized [texts]="s.title" /></strong>
                  <span class="chip" style="margin-inline-start: 6px">{{ 'sessionKind.' + s.kind | transloco }}</span>
                  @if (s.kind === 'negotiation') {
                    <div class="muted">
                      {{ 'edition.slots' | transloco: { count: s.slots.length } }} · {{ 'edition.tables' | transloco: { count: s.tables.length } }} ·
                      {{ 'edition.interpreters' | transloco: { count: s.interpreters ?? 0 } }}
                    </div>
                  }
                </div>
                @if (s.kind === 'negotiation') {
                  <div class="edit">
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'edition.slotMinutes' | transloco }}</mat-label>
                      <input matInput type="number" min="5" max="120" [value]="s.slotMinutes" (change)="draft(s, 'slotMinutes', $event)" />
                    </mat-form-field>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'edition.tableCount' | transloco }}</mat-label>
                      <input matInput type="number" min="1" max="500" [value]="s.tableCount" (change)="draft(s, 'tableCount', $event)" />
                    </mat-form-field>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'edition.interpreterCount' | transloco }}</mat-label>
                      <input matInput type="number" min="0" max="500" [value]="s.interpreters" (change)="draft(s, 'interpreters', $event)" />
                    </mat-form-field>
                    <button mat-stroked-button type="button" (click)="saveSession(ed, s)" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
                  </div>
                }
              </div>
            }
          }
        </mat-card-content>
      </mat-card>
    }
    @if (sessionError()) {
      <p class="form-error" role="alert">{{ sessionError() }}</p>
    }

    <h2>{{ 'edition.create' | transloco }}</h2>
    <mat-card appearance="outlined">
      <mat-card-content>
        <form [formGroup]="form" (ngSubmit)="create()" class="stack" novalidate>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'edition.year' | transloco }}</mat-label>
              <input matInput type="number" formControlName="year" required />
              <mat-error>{{ form.controls.year.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'edition.startDate' | transloco }}</mat-label>
              <input matInput type="date" formControlName="startDate" required />
              <mat-hint>{{ 'edition.ruleHint' | transloco }}</mat-hint>
              <mat-error>{{ form.controls.startDate.errors?.['server'] }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'edition.endDate' | transloco }}</mat-label>
              <input matInput type="date" formControlName="endDate" required />
              <mat-error>{{ form.controls.endDate.errors?.['server'] }}</mat-error>
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'edition.slotMinutes' | transloco }}</mat-label>
              <input matInput type="number" formControlName="slotMinutes" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'edition.tablesPerSession' | transloco }}</mat-label>
              <input matInput type="number" formControlName="tablesPerSession" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'edition.interpreterCount' | transloco }}</mat-label>
              <input matInput type="number" formControlName="interpretersPerSession" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'edition.maxPerDay' | transloco }}</mat-label>
              <input matInput type="number" formControlName="maxMeetingsPerOrgPerDay" />
            </mat-form-field>
          </div>
          <p class="muted">{{ 'edition.templateHint' | transloco }}</p>
          @if (error()) {
            <p class="form-error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'edition.createButton' | transloco }}</button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class EditionPage {
  private readonly api = inject(BureauApi);
  private readonly current = inject(CurrentEdition);
  protected readonly language = inject(Language);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly editions = rxResource({ stream: () => this.api.editions() });
  protected readonly selectedId = signal<string | null>(null);
  protected readonly effectiveId = computed(() => this.selectedId() ?? this.current.summary()?.id ?? this.editions.value()?.[0]?.id ?? null);
  protected readonly edition = rxResource({
    params: () => this.effectiveId() ?? undefined,
    stream: ({ params }) => this.api.edition(params),
  });
  protected readonly days = computed(() => {
    const ed = this.edition.value();
    if (!ed) return [];
    const byDay = new Map<string, SessionView[]>();
    for (const s of [...ed.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const day = dayInZone(s.startsAt, ed.timeZone);
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    return [...byDay].map(([date, sessions]) => ({ date, sessions }));
  });

  private readonly nextYear = new Date().getFullYear() + 1;
  protected readonly form = this.fb.group({
    year: [this.nextYear, [Validators.required, Validators.min(2020), Validators.max(2100)]],
    startDate: [defaultEditionDates(this.nextYear).startDate, Validators.required],
    endDate: [defaultEditionDates(this.nextYear).endDate, Validators.required],
    slotMinutes: [20],
    tablesPerSession: [30],
    interpretersPerSession: [4],
    maxMeetingsPerOrgPerDay: [8],
  });
  private readonly year = toSignal(this.form.controls.year.valueChanges);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);
  protected readonly sessionError = signal('');
  private readonly drafts = new Map<string, SessionDraft>();

  constructor() {
    // The dates follow the rule (last Thursday and Friday of May) until the organiser overrides them.
    this.form.controls.year.valueChanges.subscribe((year) => {
      if (year >= 2020 && year <= 2100) this.form.patchValue(defaultEditionDates(year, EVENT_TIME_ZONE), { emitEvent: false });
    });
    void this.year;
  }

  protected editionDate(date: string, zone: string): string {
    return formatEditionDate(date, zone, this.language.current());
  }

  protected draft(session: SessionView, field: keyof SessionDraft, event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    const d = this.drafts.get(session.id) ?? { slotMinutes: session.slotMinutes, tableCount: session.tableCount, interpreters: session.interpreters };
    d[field] = Number.isFinite(value) ? value : null;
    this.drafts.set(session.id, d);
  }

  protected saveSession(edition: EditionView, session: SessionView): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    const d = this.drafts.get(session.id);
    if (!d) return;
    this.busy.set(true);
    this.sessionError.set('');
    this.api
      .updateSession(edition.id, session.id, {
        slotMinutes: d.slotMinutes ?? undefined,
        tableCount: d.tableCount ?? undefined,
        interpreters: d.interpreters ?? undefined,
      })
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.drafts.delete(session.id);
          this.edition.set(updated);
          this.feedback.done('common.savedDone');
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.sessionError.set(errorText(e));
        },
      });
  }

  protected create(): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api.createEdition({ ...this.form.getRawValue(), timeZone: EVENT_TIME_ZONE }).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.editions.reload();
        this.selectedId.set(created.id);
        this.feedback.done('common.savedDone');
        this.current.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.form, e));
      },
    });
  }
}
