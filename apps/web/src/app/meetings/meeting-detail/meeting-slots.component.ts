import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingView, SlotOptionView } from '@jinan/contracts';
import { Observable } from 'rxjs';
import { ApiError, errorText } from '../../core/api-error';
import { Language } from '../../core/language';
import { ZonedTimePipe } from '../../shared/zoned-time';
import { MeetingsApi } from '../meetings.api';

/** Statuses where the parties pick (approved, proposed) or move (accepted and after) a slot. */
const PICKING = ['approved', 'proposed'];
const MOVING = ['accepted', 'scheduled', 'confirmed'];
/** A short list first: the earliest times, then all on request. */
const SHORT_LIST = 8;

/**
 * Self-scheduling (an edition in `participants` mode): the times both parties have free,
 * each in the viewer's zone and the edition's. The party whose acceptance settles the
 * meeting accepts at a chosen time; afterwards either party proposes another time and the
 * other accepts or declines it. In `organiser` mode the API says so and nothing shows.
 */
@Component({
  selector: 'app-meeting-slots',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, ZonedTimePipe],
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
      padding: 6px 0;
      border-bottom: 1px solid #e0e0e0;
    }
    .time {
      font-weight: 500;
      min-width: 12em;
    }
    .muted {
      color: #555;
    }
  `,
  template: `
    @if (visible()) {
      <section data-slots [attr.aria-label]="'slots.title' | transloco">
        <h2>{{ 'slots.title' | transloco }}</h2>
        @for (p of openFromOther(); track p.id) {
          <p data-proposal role="status">
            {{ 'slots.proposedToYou' | transloco }}
            <strong>{{ p.startsAt | zonedTime: zone() : 'datetime' : language.current() }}</strong>
            <span class="muted">({{ 'slots.eventTime' | transloco }} {{ p.editionStartsAt | zonedTime: editionZone() : 'time' : language.current() }})</span>
          </p>
          <button mat-flat-button type="button" data-proposal-accept (click)="answer(p.id, 'accept')" [disabled]="busy()">
            {{ 'slots.acceptProposal' | transloco }}
          </button>
          <button mat-button type="button" data-proposal-decline (click)="answer(p.id, 'decline')" [disabled]="busy()">
            {{ 'slots.declineProposal' | transloco }}
          </button>
        }
        @for (p of openFromMe(); track p.id) {
          <p class="muted" data-my-proposal>
            {{ 'slots.waitingForAnswer' | transloco }} {{ p.startsAt | zonedTime: zone() : 'datetime' : language.current() }}
          </p>
        }
        @if (options.hasValue()) {
          <p class="muted">{{ (picking() ? 'slots.pickHint' : 'slots.moveHint') | transloco }}</p>
          <ul>
            @for (o of shown(); track o.slotId) {
              <li [attr.data-slot]="o.slotId">
                <span class="time"
                  >{{ o.startsAt | zonedTime: zone() : 'datetime' : language.current() }}–{{ o.endsAt | zonedTime: zone() : 'time' : language.current() }}</span
                >
                <span class="muted">{{ 'slots.eventTime' | transloco }} {{ o.editionStartsAt | zonedTime: editionZone() : 'time' : language.current() }}</span>
                @if (picking()) {
                  <button mat-flat-button type="button" data-pick (click)="pick(o)" [disabled]="busy()">{{ 'slots.acceptAt' | transloco }}</button>
                } @else if (!openFromMe().length && !openFromOther().length) {
                  <button mat-stroked-button type="button" data-propose (click)="propose(o)" [disabled]="busy()">{{ 'slots.propose' | transloco }}</button>
                }
              </li>
            } @empty {
              <li class="muted">{{ 'slots.none' | transloco }}</li>
            }
          </ul>
          @if (!all() && options.value().options.length > shortList) {
            <button mat-button type="button" (click)="all.set(true)">{{ 'slots.showAll' | transloco: { count: options.value().options.length } }}</button>
          }
        }
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </section>
    }
  `,
})
export class MeetingSlotsComponent {
  readonly meeting = input.required<MeetingView>();
  readonly changed = output<MeetingView>();
  private readonly api = inject(MeetingsApi);
  protected readonly language = inject(Language);
  protected readonly shortList = SHORT_LIST;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly all = signal(false);
  private readonly reload = signal(0);

  private readonly party = computed(() => {
    const m = this.meeting();
    return (m.yourSide === 'jp' || m.yourSide === 'cn') && (PICKING.includes(m.status) || MOVING.includes(m.status));
  });
  protected readonly picking = computed(() => PICKING.includes(this.meeting().status) && this.meeting().allowedActions.includes('accept'));
  protected readonly options = rxResource({
    params: () => (this.party() ? { id: this.meeting().id, version: this.meeting().version, reload: this.reload() } : undefined),
    stream: ({ params }) => this.api.slotOptions(params.id),
  });
  protected readonly proposals = rxResource({
    params: () =>
      this.party() && MOVING.includes(this.meeting().status) ? { id: this.meeting().id, version: this.meeting().version, reload: this.reload() } : undefined,
    stream: ({ params }) => this.api.slotProposals(params.id),
  });
  /** Hidden in `organiser` editions (the API answers SELF_BOOKING_NOT_ENABLED) and for the bureau. */
  protected readonly visible = computed(() => {
    const e = this.options.error();
    if (e instanceof ApiError && e.code === 'SELF_BOOKING_NOT_ENABLED') return false;
    return this.party() && (this.picking() || MOVING.includes(this.meeting().status));
  });
  protected readonly zone = computed(() => (this.options.hasValue() ? this.options.value().zone : 'Asia/Shanghai'));
  protected readonly editionZone = computed(() => (this.options.hasValue() ? this.options.value().editionZone : 'Asia/Shanghai'));
  protected readonly shown = computed(() => {
    const list = this.options.hasValue() ? this.options.value().options : [];
    return this.all() ? list : list.slice(0, SHORT_LIST);
  });
  private readonly open = computed(() => (this.proposals.hasValue() ? this.proposals.value().filter((p) => p.status === 'open') : []));
  protected readonly openFromOther = computed(() => this.open().filter((p) => p.side !== this.meeting().yourSide));
  protected readonly openFromMe = computed(() => this.open().filter((p) => p.side === this.meeting().yourSide));

  protected pick(o: SlotOptionView): void {
    this.call(this.api.respond(this.meeting().id, { decision: 'accept', slotId: o.slotId }), (m) => this.changed.emit(m));
  }

  protected propose(o: SlotOptionView): void {
    this.call(this.api.proposeSlot(this.meeting().id, o.slotId), () => this.reload.update((n) => n + 1));
  }

  protected answer(proposalId: string, decision: 'accept' | 'decline'): void {
    this.call(this.api.answerSlotProposal(this.meeting().id, proposalId, decision), () => {
      // The booking moved: the page reloads the meeting (its slot and status).
      this.api.get(this.meeting().id).subscribe((m) => this.changed.emit(m));
      this.reload.update((n) => n + 1);
    });
  }

  private call<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.error.set('');
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(errorText(e));
        // Taken meanwhile: the fresh options replace the list.
        this.reload.update((n) => n + 1);
      },
    });
  }
}
