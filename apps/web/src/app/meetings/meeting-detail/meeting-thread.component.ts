import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '../../core/api-error';
import { Language } from '../../core/language';
import { TimeZones } from '../../core/time-zones';
import { ZonedTimePipe } from '../../shared/zoned-time';
import { MeetingsApi } from '../meetings.api';

/** The messages between the two parties; the bureau reads and writes too. */
@Component({
  selector: 'app-meeting-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ZonedTimePipe],
  styles: `
    ol {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    li {
      max-width: min(36rem, 90%);
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    li.mine {
      align-self: flex-end;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    li.bureau {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .meta {
      display: block;
      font-size: 0.8rem;
      white-space: normal;
      opacity: 0.8;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  template: `
    <ol data-thread aria-live="polite">
      @for (m of messages.value() ?? []; track m.id) {
        <li [class.mine]="m.mine" [class.bureau]="m.side === 'bureau' && !m.mine" [attr.data-message]="m.id">
          <span class="meta"
            >{{ (m.mine ? 'thread.you' : 'thread.side.' + m.side) | transloco }}{{ m.authorName && !m.mine ? ' · ' + m.authorName : '' }} ·
            {{ m.createdAt | zonedTime: zones.displayZone() : 'datetime' : language.current() }}</span
          >{{ m.body }}
        </li>
      } @empty {
        <li class="muted" style="background: none">{{ 'thread.empty' | transloco }}</li>
      }
    </ol>
    <form (submit)="$event.preventDefault(); send()">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'thread.write' | transloco }}</mat-label>
        <textarea matInput rows="3" name="body" [(ngModel)]="draft" [maxlength]="max" data-thread-input></textarea>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy() || !draft.trim()" data-thread-send>{{ 'thread.send' | transloco }}</button>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
    </form>
  `,
})
export class MeetingThreadComponent {
  readonly meetingId = input.required<string>();
  private readonly api = inject(MeetingsApi);
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);
  /** MEETING_MESSAGE_MAX of the contracts (a value import would pull class-validator into the bundle). */
  protected readonly max = 2000;
  protected readonly messages = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.messages(params) });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected draft = '';

  protected send(): void {
    const body = this.draft.trim();
    if (!body || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.postMessage(this.meetingId(), body).subscribe({
      next: (message) => {
        this.busy.set(false);
        this.draft = '';
        this.messages.update((list) => [...(list ?? []), message]);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e instanceof ApiError ? e.message : String(e));
      },
    });
  }
}
