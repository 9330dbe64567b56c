import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingView } from '@jinan/contracts';
import { Language } from '../../core/language';
import { TimeZones } from '../../core/time-zones';
import { LocalizedTextComponent } from '../../shared/localized-text.component';
import { ZonedTimePipe } from '../../shared/zoned-time';
import { ScoreReasonsComponent } from '../score-reasons.component';

/** What the meeting is: who (linked), about which offer, the message, the score and why, the deadline, the slot. */
@Component({
  selector: 'app-meeting-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LocalizedTextComponent, ZonedTimePipe, ScoreReasonsComponent],
  styles: `
    dl {
      display: grid;
      grid-template-columns: minmax(7rem, max-content) 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @media (max-width: 599px) {
      dl {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      dd {
        margin-bottom: 8px;
      }
    }
  `,
  template: `
    @let m = meeting();
    <dl>
      @for (party of parties(); track party.id) {
        <dt>{{ (party.country === 'JP' ? 'meetingDetail.jp' : 'meetingDetail.cn') | transloco }}</dt>
        <dd>
          <a [routerLink]="['/organizations', party.id]" [attr.data-org-link]="party.id"
            ><app-localized [texts]="party.name" [primary]="party.country === 'JP' ? 'ja' : 'zh'"
          /></a>
          @if (party.contacts; as contacts) {
            @for (c of contacts; track $index) {
              <div class="muted">{{ c.fullName }}{{ c.email ? ' · ' + c.email : '' }}{{ c.phone ? ' · ' + c.phone : '' }}</div>
            }
          }
        </dd>
      }
      <dt>{{ 'meetingDetail.status' | transloco }}</dt>
      <dd>
        <span class="chip status-{{ m.status }}" data-status>{{ 'meetingStatus.' + m.status | transloco }}</span>
        @if (m.awaiting.length && m.awaiting[0] !== 'system') {
          <span class="muted"> · {{ 'meetings.waitingFor' | transloco }}: {{ 'meetings.awaiting.' + m.awaiting[0] | transloco }}</span>
        }
      </dd>
      <dt>{{ 'meetingDetail.sector' | transloco }}</dt>
      <dd>{{ 'sector.' + m.sector | transloco }}</dd>
      @if (m.offer; as offer) {
        <dt>{{ 'meetings.about' | transloco }}</dt>
        <dd><app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></dd>
      }
      @if (m.message) {
        <dt>{{ 'meetingDetail.message' | transloco }}</dt>
        <dd data-request-message>“{{ m.message }}”</dd>
      }
      <dt>{{ 'meetingDetail.match' | transloco }}</dt>
      <dd><app-score-reasons [score]="m.matchScore" [reasons]="m.matchReasons" /></dd>
      @if (m.answerDeadline && pending()) {
        <dt>{{ 'meetingDetail.deadline' | transloco }}</dt>
        <dd data-deadline>{{ m.answerDeadline | zonedTime: zone() : 'datetime' : language.current() }}</dd>
      }
      <dt>{{ 'meetingDetail.slot' | transloco }}</dt>
      <dd data-slot>
        @if (m.slot; as s) {
          {{ s.startsAt | zonedTime: zone() : 'day' : language.current() }}
          {{ s.startsAt | zonedTime: zone() : 'time' : language.current() }}–{{ s.endsAt | zonedTime: zone() : 'time' : language.current() }} ·
          {{ 'agenda.table' | transloco: { number: s.tableNumber } }}{{ s.venue ? ' · ' + s.venue : '' }}
        } @else {
          <span class="muted">{{ 'meetingDetail.noSlot' | transloco }}</span>
        }
      </dd>
    </dl>
  `,
})
export class MeetingFactsComponent {
  readonly meeting = input.required<MeetingView>();
  protected readonly language = inject(Language);
  private readonly zones = inject(TimeZones);
  /** The counterpart first; the bureau sees the Japanese firm first. */
  protected readonly parties = computed(() => {
    const m = this.meeting();
    return m.yourSide === 'cn' ? [m.jpOrganization, m.cnOrganization] : [m.cnOrganization, m.jpOrganization];
  });
  protected readonly pending = computed(() => ['requested', 'approved', 'proposed'].includes(this.meeting().status));
  protected readonly zone = this.zones.displayZone;
}
