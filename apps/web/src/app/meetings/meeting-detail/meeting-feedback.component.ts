import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FeedbackOutcome, MeetingView } from '@jinan/contracts';

/** FEEDBACK_OUTCOMES of the contracts (a value import would pull class-validator into the bundle). */
const OUTCOMES: readonly FeedbackOutcome[] = ['no_interest', 'follow_up_planned', 'agreement_expected', 'agreement_signed'];
import { ApiError } from '../../core/api-error';
import { MeetingsApi } from '../meetings.api';

/** After the meeting each party says how it went; the API decides when the form is open. */
@Component({
  selector: 'app-meeting-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .note {
      flex: 1 1 100%;
    }
  `,
  template: `
    @for (f of given(); track f.stage) {
      <p data-feedback-given>
        {{ 'feedbackForm.given' | transloco: { rating: f.rating } }} · {{ 'feedbackForm.outcome.' + f.outcome | transloco }}
        @if (f.note) {
          <span class="muted">— “{{ f.note }}”</span>
        }
      </p>
    }
    @if (!given().length) {
      <form (submit)="$event.preventDefault(); submit()">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'feedbackForm.rating' | transloco }}</mat-label>
          <mat-select [(ngModel)]="rating" name="rating">
            @for (r of [4, 3, 2, 1]; track r) {
              <mat-option [value]="r">{{ 'feedbackForm.ratings.' + r | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'feedbackForm.outcomeLabel' | transloco }}</mat-label>
          <mat-select [(ngModel)]="outcome" name="outcome">
            @for (o of outcomes; track o) {
              <mat-option [value]="o">{{ 'feedbackForm.outcome.' + o | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="note" subscriptSizing="dynamic">
          <mat-label>{{ 'feedbackForm.note' | transloco }}</mat-label>
          <textarea matInput rows="2" [(ngModel)]="note" name="note"></textarea>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || !rating || !outcome">{{ 'feedbackForm.send' | transloco }}</button>
      </form>
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
  `,
})
export class MeetingFeedbackComponent {
  readonly meeting = input.required<MeetingView>();
  private readonly api = inject(MeetingsApi);
  protected readonly outcomes = OUTCOMES;
  protected readonly feedback = rxResource({ params: () => this.meeting().id, stream: ({ params }) => this.api.feedback(params) });
  /** The caller's own organisation's answers. */
  protected readonly given = computed(() => {
    const m = this.meeting();
    const own = m.yourSide === 'jp' ? m.jpOrganization.id : m.cnOrganization.id;
    return (this.feedback.hasValue() ? this.feedback.value() : []).filter((f) => f.organizationId === own);
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected rating: number | null = null;
  protected outcome: FeedbackOutcome | null = null;
  protected note = '';

  protected submit(): void {
    if (!this.rating || !this.outcome) return;
    this.busy.set(true);
    this.error.set('');
    this.api.submitFeedback(this.meeting().id, { rating: this.rating, outcome: this.outcome, note: this.note.trim() || undefined }).subscribe({
      next: (f) => {
        this.busy.set(false);
        this.feedback.update((list) => [...(list ?? []), f]);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e instanceof ApiError ? e.message : String(e));
      },
    });
  }
}
