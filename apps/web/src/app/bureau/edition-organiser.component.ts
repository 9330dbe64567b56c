import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EditionView, ReminderKind, ReminderSettings, RemindersRunView, SchedulingMode } from '@jinan/contracts';
import { errorText } from '../core/api-error';
import { BureauApi } from './bureau.api';

type Switch = Exclude<keyof ReminderSettings, 'noRequestDays'>;
/** The kinds in REMINDER_KINDS' order (the web imports types only from @jinan/contracts). */
const REMINDER_KINDS: readonly ReminderKind[] = ['no_request', 'answer_due', 'unconfirmed_slot', 'feedback_due', 'follow_up_due'];
const SWITCHES: Switch[] = ['noRequest', 'answerDue', 'unconfirmedSlot', 'feedbackDue', 'followUpDue'];

/**
 * How the edition runs (issue 17): who gives meetings a time — the bureau's optimiser or
 * the parties themselves — and which reminders go out; a preview of who would be reminded
 * now, and a round sent on demand.
 */
@Component({
  selector: 'app-edition-organiser',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .days {
      width: 7rem;
    }
  `,
  template: `
    <section data-organiser-settings>
      <h2>{{ 'organiser.title' | transloco }}</h2>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'organiser.mode' | transloco }}</mat-label>
        <mat-select [(ngModel)]="mode" data-mode>
          <mat-option value="organiser">{{ 'organiser.modes.organiser' | transloco }}</mat-option>
          <mat-option value="participants">{{ 'organiser.modes.participants' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      <p class="muted">{{ 'organiser.modeHint.' + mode | transloco }}</p>
      <h3>{{ 'organiser.reminders' | transloco }}</h3>
      <div class="row">
        @for (s of switches; track s) {
          <mat-checkbox [(ngModel)]="settings[s]" [attr.data-reminder]="s">{{ 'organiser.reminder.' + s | transloco }}</mat-checkbox>
        }
        <mat-form-field class="days" subscriptSizing="dynamic">
          <mat-label>{{ 'organiser.noRequestDays' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="60" [(ngModel)]="settings.noRequestDays" />
        </mat-form-field>
      </div>
      <div class="row">
        <button mat-flat-button type="button" data-save-organiser (click)="save()" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
        <button mat-stroked-button type="button" data-preview-reminders (click)="run(true)" [disabled]="busy()">{{ 'organiser.preview' | transloco }}</button>
        <button mat-stroked-button type="button" (click)="run(false)" [disabled]="busy() || !preview()">{{ 'organiser.sendNow' | transloco }}</button>
      </div>
      @if (counts(); as c) {
        <ul data-reminder-counts>
          @for (k of kinds; track k) {
            <li>{{ 'organiser.kind.' + k | transloco }}: {{ c[k] }}</li>
          }
        </ul>
      }
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class EditionOrganiserComponent {
  readonly edition = input.required<EditionView>();
  readonly updated = output<EditionView>();
  private readonly api = inject(BureauApi);
  protected readonly switches = SWITCHES;
  protected readonly kinds = REMINDER_KINDS;
  protected mode: SchedulingMode = 'organiser';
  protected settings: ReminderSettings = { noRequest: true, noRequestDays: 3, answerDue: true, unconfirmedSlot: true, feedbackDue: true, followUpDue: true };
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly preview = signal<RemindersRunView | null>(null);
  protected readonly counts = computed(() => {
    const p = this.preview();
    return p ? Object.fromEntries(REMINDER_KINDS.map((k) => [k, p.recipients[k].length])) : null;
  });

  constructor() {
    effect(() => {
      const ed = this.edition();
      this.mode = ed.schedulingMode;
      this.settings = { ...ed.reminders };
    });
  }

  protected save(): void {
    this.busy.set(true);
    this.error.set('');
    this.api
      .updateEdition(this.edition().id, { schedulingMode: this.mode, reminders: { ...this.settings, noRequestDays: Number(this.settings.noRequestDays) } })
      .subscribe({
        next: (ed) => {
          this.busy.set(false);
          this.updated.emit(ed);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(errorText(e));
        },
      });
  }

  protected run(dryRun: boolean): void {
    this.busy.set(true);
    this.error.set('');
    this.api.runReminders(this.edition().id, dryRun).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.preview.set(view);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(errorText(e));
      },
    });
  }
}
