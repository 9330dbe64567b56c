import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingUserAction, MeetingView } from '@jinan/contracts';
import { Observable } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { MeetingsApi } from '../meetings.api';

/** Actions that end or refuse something: they take a reason and a second click. */
const GRAVE: readonly MeetingUserAction[] = ['reject', 'decline', 'cancel'];
/** Actions whose reason the API requires. */
const REASON_REQUIRED: readonly MeetingUserAction[] = ['reject', 'cancel'];

/**
 * The buttons the state machine allows the viewer (the API lists them in
 * `allowedActions`), each disabled while its request is in flight.
 */
@Component({
  selector: 'app-meeting-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    .action-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  template: `
    @if (actions().length) {
      <section data-actions [attr.aria-label]="'meetingDetail.actions' | transloco">
        @if (pending(); as a) {
          <p role="status">{{ 'meetingDetail.confirm.' + a | transloco }}</p>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ (required(a) ? 'meetingDetail.reasonRequired' : 'meetings.reason') | transloco }}</mat-label>
            <input matInput [(ngModel)]="reason" name="reason" data-reason />
          </mat-form-field>
          <div class="action-row">
            <button mat-flat-button type="button" [attr.data-confirm]="a" (click)="run(a)" [disabled]="busy() || (required(a) && !reason.trim())">
              {{ 'meetingDetail.do.' + a | transloco }}
            </button>
            <button mat-button type="button" (click)="pending.set(null)" [disabled]="busy()">{{ 'meetingDetail.back' | transloco }}</button>
          </div>
        } @else {
          <div class="action-row">
            @for (a of actions(); track a) {
              @if (grave(a)) {
                <button mat-stroked-button type="button" [attr.data-action]="a" (click)="choose(a)" [disabled]="busy()">
                  {{ 'meetingDetail.action.' + a | transloco }}
                </button>
              } @else {
                <button mat-flat-button type="button" [attr.data-action]="a" (click)="choose(a)" [disabled]="busy()">
                  {{ 'meetingDetail.action.' + a | transloco }}
                </button>
              }
            }
          </div>
        }
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </section>
    }
  `,
})
export class MeetingActionsComponent {
  readonly meeting = input.required<MeetingView>();
  /** The meeting after the action. */
  readonly changed = output<MeetingView>();
  private readonly api = inject(MeetingsApi);
  protected readonly actions = computed(() => this.meeting().allowedActions);
  protected readonly pending = signal<MeetingUserAction | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected reason = '';

  protected grave(a: MeetingUserAction): boolean {
    return GRAVE.includes(a);
  }

  protected required(a: MeetingUserAction): boolean {
    return REASON_REQUIRED.includes(a);
  }

  protected choose(a: MeetingUserAction): void {
    this.error.set('');
    if (this.grave(a)) {
      this.reason = '';
      this.pending.set(a);
    } else this.run(a);
  }

  protected run(a: MeetingUserAction): void {
    const id = this.meeting().id;
    const reason = this.reason.trim() || undefined;
    const call: Observable<MeetingView> =
      a === 'cancel'
        ? this.api.cancel(id, { reason: reason ?? '' })
        : a === 'approve' || a === 'reject'
          ? this.api.review(id, { decision: a, note: reason })
          : this.api.respond(id, { decision: a, reason });
    this.busy.set(true);
    this.error.set('');
    call.subscribe({
      next: (m) => {
        this.busy.set(false);
        this.pending.set(null);
        this.changed.emit(m);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e instanceof ApiError ? e.message : String(e));
      },
    });
  }
}
