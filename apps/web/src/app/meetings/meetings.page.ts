import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingStatus, MeetingView } from '@jinan/contracts';
import { errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { Language } from '../core/language';
import { TimeZones } from '../core/time-zones';
import { ZonedTimePipe } from '../shared/zoned-time';
import { MeetingsApi } from './meetings.api';
import { ScoreReasonsComponent } from './score-reasons.component';
import { Feedback } from '../shared/feedback';

/** The groups a party sorts its meetings into. */
const GROUPS: Record<string, MeetingStatus[] | null> = {
  all: null,
  mine: null,
  pending: ['requested', 'approved', 'proposed'],
  accepted: ['accepted', 'scheduled', 'confirmed'],
  closed: ['rejected', 'declined', 'expired', 'cancelled', 'held', 'no_show'],
};

@Component({
  selector: 'app-meetings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatCardModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalizedTextComponent,
    RouterLink,
    ScoreReasonsComponent,
    ZonedTimePipe,
  ],
  styles: `
    .party {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 4px;
    }
    .reason {
      flex: 1 1 200px;
    }
    mat-button-toggle-group {
      flex-wrap: wrap;
    }
  `,
  template: `
    <h1>{{ 'meetings.title' | transloco }}</h1>
    <mat-button-toggle-group [value]="group()" (change)="group.set($event.value)" [attr.aria-label]="'meetings.filter' | transloco">
      @for (g of groups; track g) {
        <mat-button-toggle [value]="g">{{ 'meetings.group.' + g | transloco }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (meetings.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    @for (m of shown(); track m.id) {
      <mat-card appearance="outlined" [attr.data-meeting]="m.id">
        <mat-card-content>
          @let counterpart = m.yourSide === 'cn' ? m.jpOrganization : m.cnOrganization;
          <h2 class="party">
            <a [routerLink]="['/organizations', counterpart.id]" [attr.data-org-link]="counterpart.id"
              ><app-localized [texts]="counterpart.name" [primary]="counterpart.country === 'JP' ? 'ja' : 'zh'"
            /></a>
          </h2>
          <div class="chips">
            <span class="chip status-{{ m.status }}">{{ 'meetingStatus.' + m.status | transloco }}</span>
            <span class="chip">{{ 'sector.' + m.sector | transloco }}</span>
            <span class="chip">{{ 'meetings.priority' | transloco: { value: m.priority } }}</span>
          </div>
          @if (m.offer; as offer) {
            <p>{{ 'meetings.about' | transloco }}: <app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></p>
          }
          @if (m.message) {
            <p class="muted">“{{ m.message }}”</p>
          }
          <app-score-reasons [score]="m.matchScore" [reasons]="m.matchReasons" />
          @if (m.answerDeadline && pendingStatus(m)) {
            <p class="muted" data-deadline>
              {{ 'meetingDetail.deadlineShort' | transloco: { date: (m.answerDeadline | zonedTime: zones.displayZone() : 'datetime' : language.current()) } }}
            </p>
          }
          @if (counterpart.contacts; as contacts) {
            @for (c of contacts; track c.fullName) {
              <p class="muted">{{ c.fullName }} · {{ c.email }} {{ c.phone ? '· ' + c.phone : '' }}</p>
            }
          }
        </mat-card-content>
        <mat-card-actions>
          <a mat-button [routerLink]="['/meetings', m.id]" data-open-meeting>{{ 'meetingDetail.open' | transloco }}</a>
        </mat-card-actions>
        @if (myTurn(m)) {
          <mat-card-actions class="actions">
            <mat-form-field class="reason" subscriptSizing="dynamic">
              <mat-label>{{ 'meetings.reason' | transloco }}</mat-label>
              <input matInput [(ngModel)]="reasons[m.id]" />
            </mat-form-field>
            <button mat-flat-button type="button" (click)="respond(m, 'accept')" [disabled]="busy()">{{ 'meetings.accept' | transloco }}</button>
            <button mat-stroked-button type="button" (click)="respond(m, 'decline')" [disabled]="busy()">{{ 'meetings.decline' | transloco }}</button>
          </mat-card-actions>
        } @else if (m.awaiting.length) {
          <mat-card-footer class="muted" style="padding: 0 16px 12px"
            >{{ 'meetings.waitingFor' | transloco }}: {{ awaitingLabel(m) | transloco }}</mat-card-footer
          >
        }
      </mat-card>
    } @empty {
      @if (!meetings.isLoading()) {
        <p>{{ 'meetings.none' | transloco }}</p>
      }
    }
  `,
})
export class MeetingsPage {
  private readonly api = inject(MeetingsApi);
  private readonly edition = inject(CurrentEdition);
  protected readonly groups = Object.keys(GROUPS);
  protected readonly group = signal('all');
  protected readonly meetings = rxResource({
    params: () => this.edition.summary()?.id,
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly shown = computed(() => {
    const all = this.meetings.value()?.items ?? [];
    const group = this.group();
    const statuses = GROUPS[group];
    return group === 'mine' ? all.filter((m) => this.myTurn(m)) : all.filter((m) => !statuses || statuses.includes(m.status));
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);
  protected readonly reasons: Record<string, string> = {};

  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);

  protected pendingStatus(m: MeetingView): boolean {
    return (GROUPS['pending'] ?? []).includes(m.status);
  }

  protected myTurn(m: MeetingView): boolean {
    return !!m.yourSide && m.awaiting.includes(m.yourSide);
  }

  /** What the meeting waits for, from its state: the bureau reviews a request but publishes a schedule. */
  protected awaitingLabel(m: MeetingView): string {
    const who = m.awaiting[0];
    if (who === 'bureau' && m.status === 'scheduled') return 'meetings.awaiting.bureauPublish';
    if ((who === 'jp' || who === 'cn') && m.status === 'scheduled') return `meetings.awaiting.${who}Confirm`;
    return `meetings.awaiting.${who}`;
  }

  protected respond(m: MeetingView, decision: 'accept' | 'decline'): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.respond(m.id, { decision, reason: this.reasons[m.id] || undefined }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.meetings.update((page) => page && { ...page, items: page.items.map((x) => (x.id === updated.id ? updated : x)) });
        this.feedback.done(decision === 'accept' ? 'meetings.acceptedDone' : 'meetings.declinedDone');
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(errorText(e));
        // Answered elsewhere meanwhile: show the meeting as it now is.
        this.meetings.reload();
      },
    });
  }
}
