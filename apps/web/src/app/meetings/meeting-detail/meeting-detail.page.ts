import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingView } from '@jinan/contracts';
import { ApiError } from '../../core/api-error';
import { LocalizedTextComponent } from '../../shared/localized-text.component';
import { NotFoundComponent } from '../../shared/not-found/not-found.component';
import { MeetingsApi } from '../meetings.api';
import { MeetingActionsComponent } from './meeting-actions.component';
import { MeetingFactsComponent } from './meeting-facts.component';
import { MeetingFeedbackComponent } from './meeting-feedback.component';
import { MeetingHistoryComponent } from './meeting-history.component';
import { MeetingSlotsComponent } from './meeting-slots.component';
import { MeetingThreadComponent } from './meeting-thread.component';

/** Statuses after which the parties say how the meeting went. */
const FEEDBACK_STATUSES = ['scheduled', 'confirmed', 'held', 'no_show'];

/**
 * /meetings/:id — one meeting and everything about it, one section per component so
 * that further sections (slot options, proposals) slot in beside the others. A meeting
 * the viewer may not see is a 404 from the API: the not-found page.
 */
@Component({
  selector: 'app-meeting-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatCardModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalizedTextComponent,
    NotFoundComponent,
    MeetingFactsComponent,
    MeetingActionsComponent,
    MeetingThreadComponent,
    MeetingHistoryComponent,
    MeetingFeedbackComponent,
    MeetingSlotsComponent,
  ],
  styles: `
    mat-card {
      margin-bottom: 16px;
    }
    h2 {
      margin-top: 0;
    }
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
  `,
  template: `
    @if (meeting.isLoading() && !meeting.hasValue()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (notFound()) {
      <app-not-found />
    } @else if (meeting.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (meeting.hasValue()) {
      @let m = meeting.value();
      @let counterpart = m.yourSide === 'cn' ? m.jpOrganization : m.cnOrganization;
      <a class="back" routerLink="/meetings">← {{ 'meetingDetail.backToList' | transloco }}</a>
      <h1 [attr.data-meeting-detail]="m.id">
        {{ 'meetingDetail.title' | transloco }}:
        <app-localized [texts]="counterpart.name" [primary]="counterpart.country === 'JP' ? 'ja' : 'zh'" />
      </h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <app-meeting-facts [meeting]="m" />
        </mat-card-content>
      </mat-card>
      @if (m.allowedActions.length) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <app-meeting-actions [meeting]="m" (changed)="changed($event)" />
          </mat-card-content>
        </mat-card>
      }
      <app-meeting-slots [meeting]="m" (changed)="changed($event)" />
      <mat-card appearance="outlined">
        <mat-card-content>
          <h2>{{ 'thread.title' | transloco }}</h2>
          <app-meeting-thread [meetingId]="m.id" />
        </mat-card-content>
      </mat-card>
      @if (m.yourSide && feedbackTime()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2>{{ 'feedbackForm.title' | transloco }}</h2>
            <app-meeting-feedback [meeting]="m" />
          </mat-card-content>
        </mat-card>
      }
      @if (history.hasValue()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2>{{ 'meetingDetail.history' | transloco }}</h2>
            <app-meeting-history [history]="history.value()" />
          </mat-card-content>
        </mat-card>
      }
    }
  `,
})
export class MeetingDetailPage {
  /** The route's :id (component input binding). */
  readonly id = input.required<string>();
  private readonly api = inject(MeetingsApi);
  protected readonly meeting = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly history = rxResource({
    params: () => (this.meeting.hasValue() ? { id: this.id(), version: this.meeting.value().version } : undefined),
    stream: ({ params }) => this.api.history(params.id),
  });
  protected readonly notFound = computed(() => {
    const e = this.meeting.error();
    return e instanceof ApiError && (e.status === 404 || e.status === 400);
  });
  protected readonly feedbackTime = computed(() => this.meeting.hasValue() && FEEDBACK_STATUSES.includes(this.meeting.value().status));

  protected changed(m: MeetingView): void {
    this.meeting.set(m);
  }
}
