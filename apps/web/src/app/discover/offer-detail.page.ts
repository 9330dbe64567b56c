import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { OfferView } from '@jinan/contracts';
import { applyFieldErrors } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { Session } from '../core/session';
import { MeetingsApi } from '../meetings/meetings.api';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { OfferMarks } from './offer-marks';
import { OfferMarksComponent } from './offer-marks.component';
import { ZonedTimePipe } from '../shared/zoned-time';
import { TimeZones } from '../core/time-zones';
import { DiscoverApi } from './discover.api';
import { missingKind, NotFoundPage } from '../shared/not-found/not-found.page';
import { Feedback } from '../shared/feedback';

@Component({
  selector: 'app-offer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NotFoundPage,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCardModule,
    MatButtonModule,
    RouterLink,
    TranslocoPipe,
    LocalizedTextComponent,
    OfferMarksComponent,
    ZonedTimePipe,
  ],
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 12px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .original {
      white-space: pre-wrap;
    }
    @media (max-width: 599px) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: 6px;
      }
    }
  `,
  template: `
    <a mat-button routerLink="/discover">← {{ 'discover.back' | transloco }}</a>
    @if (offer.error(); as e) {
      @if (missing(e); as kind) {
        <app-not-found [kind]="kind" />
      } @else {
        <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
      }
    }
    @if (offer.hasValue() ? offer.value() : null; as o) {
      <h1><app-localized [texts]="{ zh: o.titleZh, ja: o.titleJa, en: o.titleEn }" /></h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <div class="chips">
            <span class="chip">{{ 'sector.' + o.sector | transloco }}</span>
            <span class="chip">{{ 'cooperation.' + o.cooperationType | transloco }}</span>
          </div>
          <app-offer-marks [offerId]="o.id" [companyId]="o.organizationId" [title]="{ zh: o.titleZh, ja: o.titleJa, en: o.titleEn }" />
          <p class="original"><app-localized [texts]="{ zh: o.summaryZh, ja: o.summaryJa, en: o.summaryEn }" /></p>
          <dl>
            <dt>{{ 'offer.company' | transloco }}</dt>
            <dd>
              <a [routerLink]="['/organizations', o.organizationId]" [attr.data-org-link]="o.organizationId"><app-localized [texts]="o.organizationName" /></a>
            </dd>
            @if (o.partnerSought) {
              <dt>{{ 'fields.partnerSought' | transloco }}</dt>
              <dd>{{ o.partnerSought }}</dd>
            }
            @if (o.investmentMinMcny !== null || o.investmentMaxMcny !== null) {
              <dt>{{ 'fields.investment' | transloco }}</dt>
              <dd>{{ o.investmentMinMcny ?? '…' }} – {{ o.investmentMaxMcny ?? '…' }} {{ 'offer.mcny' | transloco }}</dd>
            }
            @if (o.publishedAt) {
              <dt>{{ 'offer.publishedAt' | transloco }}</dt>
              <dd>{{ o.publishedAt | zonedTime: zones.displayZone() : 'date' : language.current() }}</dd>
            }
          </dl>
          @if (language.content() !== 'zh') {
            <details>
              <summary>{{ 'offer.showOriginal' | transloco }}</summary>
              <p class="original" lang="zh-CN">{{ o.titleZh }}<br />{{ o.summaryZh }}</p>
            </details>
          }
        </mat-card-content>
      </mat-card>
      @if (session.role() === 'jp') {
        <h2 id="request">{{ 'request.title' | transloco }}</h2>
        <mat-card appearance="outlined">
          <mat-card-content>
            <form [formGroup]="request" (ngSubmit)="send(o)" class="stack" novalidate>
              <mat-form-field>
                <mat-label>{{ 'request.message' | transloco }}</mat-label>
                <textarea matInput formControlName="message" rows="3"></textarea>
                <mat-error>{{ request.controls.message.errors?.['server'] }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'request.priority' | transloco }}</mat-label>
                <mat-select formControlName="priority">
                  @for (p of [1, 2, 3]; track p) {
                    <mat-option [value]="p">{{ 'request.priority' + p | transloco }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              @if (error()) {
                <p class="form-error" role="alert">{{ error() }}</p>
              }
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy() || !edition.summary()">{{ 'request.send' | transloco }}</button>
              </div>
            </form>
          </mat-card-content>
        </mat-card>
      }
    }
  `,
})
export class OfferDetailPage {
  private readonly marks = inject(OfferMarks);
  readonly id = input.required<string>();
  private readonly api = inject(DiscoverApi);
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);
  protected readonly offer = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.offer(params) });
  protected readonly session = inject(Session);
  protected readonly edition = inject(CurrentEdition);
  private readonly meetings = inject(MeetingsApi);
  private readonly router = inject(Router);
  protected readonly request = inject(FormBuilder).nonNullable.group({ message: [''], priority: [2] });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);
  protected readonly missing = missingKind;

  protected send(offer: OfferView): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    const editionId = this.edition.summary()?.id;
    if (!editionId) return;
    const { message, priority } = this.request.getRawValue();
    this.busy.set(true);
    this.error.set('');
    this.meetings.request(editionId, { counterpartId: offer.organizationId, offerId: offer.id, message: message.trim() || undefined, priority }).subscribe({
      next: () => {
        this.marks.refresh();
        this.feedback.done('request.sentDone');
        void this.router.navigate(['/meetings']);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.request, e));
      },
    });
  }
}
