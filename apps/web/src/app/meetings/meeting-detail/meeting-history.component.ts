import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingTransitionView } from '@jinan/contracts';
import { Language } from '../../core/language';
import { TimeZones } from '../../core/time-zones';
import { ZonedTimePipe } from '../../shared/zoned-time';

/** Every step the meeting went through, oldest first. */
@Component({
  selector: 'app-meeting-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ZonedTimePipe],
  styles: `
    ol {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    li {
      padding: 4px 0;
    }
  `,
  template: `
    <ol data-history>
      @for (t of history(); track $index) {
        <li>
          <span class="muted">{{ t.at | zonedTime: zones.displayZone() : 'datetime' : language.current() }}</span>
          · {{ 'meetingStatus.' + t.to | transloco }}
          <span class="muted"
            >· {{ 'thread.side.' + (t.actor.role === 'system' ? 'system' : t.actor.role) | transloco
            }}{{ t.actor.fullName ? ' (' + t.actor.fullName + ')' : '' }}</span
          >
          @if (t.note) {
            <div>“{{ t.note }}”</div>
          }
        </li>
      }
    </ol>
  `,
})
export class MeetingHistoryComponent {
  readonly history = input.required<MeetingTransitionView[]>();
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);
}
