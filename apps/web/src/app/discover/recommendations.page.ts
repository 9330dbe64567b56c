import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale, ScorePartView } from '@jinan/contracts';
// Only the reason catalogue and its formatter (not the engine and its dictionary data); this page is a lazy chunk.
import { formatReason, type Reason } from '@jinan/matching/reasons';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { OfferMarksComponent } from './offer-marks.component';
import { ShortlistComponent } from './shortlist.component';
import { Session } from '../core/session';
import { DiscoverApi } from './discover.api';

/** A Japanese firm's ranked offers and companies, each score explained part by part. */
@Component({
  selector: 'app-recommendations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatCardModule, MatProgressBarModule, TranslocoPipe, LocalizedTextComponent, OfferMarksComponent, ShortlistComponent],
  styles: `
    .rank {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
      margin-inline-end: 6px;
    }
    .title {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 4px;
    }
    .title a {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .score {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .bar {
      flex: 0 1 200px;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .bar span {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .reasons {
      margin: 4px 0 0;
      padding-inline-start: 18px;
    }
    .reasons li {
      margin: 2px 0;
    }
    .points {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .stale {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      padding: 8px 12px;
      border-radius: 8px;
    }
    mat-card {
      margin-bottom: 12px;
    }
  `,
  template: `
    <h1>{{ 'recommendations.title' | transloco }}</h1>
    @if (isFirm()) {
      <app-shortlist />
    }
    <p class="muted">{{ 'recommendations.intro' | transloco }}</p>
    @if (recommendations.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (recommendations.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (recommendations.value(); as r) {
      @if (r.stale) {
        <p class="stale" role="note">{{ 'recommendations.stale' | transloco }}</p>
      }
      @if (!r.runId) {
        <p>{{ 'recommendations.notYet' | transloco }}</p>
      }

      @if (r.offers.length) {
        <h2>{{ 'recommendations.offers' | transloco }}</h2>
        @for (o of r.offers; track o.offer.id) {
          <mat-card appearance="outlined" [attr.data-offer]="o.offer.id">
            <mat-card-content>
              <h3 class="title">
                <span class="rank">#{{ o.rank }}</span>
                <a [routerLink]="['/discover/offers', o.offer.id]"
                  ><app-localized [texts]="{ zh: o.offer.titleZh, ja: o.offer.titleJa, en: o.offer.titleEn }"
                /></a>
              </h3>
              <div class="muted">
                <a [routerLink]="['/organizations', o.company.id]" [attr.data-org-link]="o.company.id"><app-localized [texts]="o.company.name" /></a>
              </div>
              <app-offer-marks [offerId]="o.offer.id" [companyId]="o.company.id" [title]="{ zh: o.offer.titleZh, ja: o.offer.titleJa, en: o.offer.titleEn }" />
              <div class="chips" style="margin-top: 4px">
                <span class="chip">{{ 'sector.' + o.offer.sector | transloco }}</span>
                <span class="chip">{{ 'cooperation.' + o.offer.cooperationType | transloco }}</span>
              </div>
              <div class="score">
                <span>{{ 'meetings.score' | transloco }}</span>
                <div
                  class="bar"
                  role="meter"
                  aria-valuemin="0"
                  aria-valuemax="100"
                  [attr.aria-valuenow]="o.score"
                  [attr.aria-label]="'meetings.score' | transloco"
                >
                  <span [style.width.%]="o.score"></span>
                </div>
                <strong>{{ o.score }}</strong>
              </div>
              <ul class="reasons">
                @for (p of o.parts; track p.name) {
                  <li>
                    {{ reason(p) }} <span class="points">+{{ points(p) }}</span>
                  </li>
                }
              </ul>
            </mat-card-content>
            <mat-card-actions>
              <a mat-stroked-button [routerLink]="['/discover/offers', o.offer.id]" fragment="request">{{ 'recommendations.request' | transloco }}</a>
            </mat-card-actions>
          </mat-card>
        }
      }

      @if (r.companies.length) {
        <h2>{{ 'recommendations.companies' | transloco }}</h2>
        @for (c of r.companies; track c.company.id) {
          <mat-card appearance="outlined" [attr.data-company]="c.company.id">
            <mat-card-content>
              <h3 class="title">
                <span class="rank">#{{ c.rank }}</span
                ><a [routerLink]="['/organizations', c.company.id]" [attr.data-org-link]="c.company.id"><app-localized [texts]="c.company.name" /></a>
              </h3>
              <app-offer-marks [companyId]="c.company.id" />
              <div class="score">
                <span>{{ 'meetings.score' | transloco }}</span>
                <div
                  class="bar"
                  role="meter"
                  aria-valuemin="0"
                  aria-valuemax="100"
                  [attr.aria-valuenow]="c.score"
                  [attr.aria-label]="'meetings.score' | transloco"
                >
                  <span [style.width.%]="c.score"></span>
                </div>
                <strong>{{ c.score }}</strong>
              </div>
              <ul class="reasons">
                @for (p of c.parts; track p.name) {
                  <li>
                    {{ reason(p) }} <span class="points">+{{ points(p) }}</span>
                  </li>
                }
              </ul>
            </mat-card-content>
            <mat-card-actions>
              <a mat-stroked-button [routerLink]="['/discover/offers', c.bestOfferId]" fragment="request">{{ 'recommendations.requestBest' | transloco }}</a>
            </mat-card-actions>
          </mat-card>
        }
      }
      @if (r.runId && !r.offers.length && !r.companies.length) {
        <p>{{ 'recommendations.none' | transloco }}</p>
      }
    }
  `,
})
export class RecommendationsPage {
  private readonly session = inject(Session);
  protected readonly isFirm = computed(() => this.session.role() === 'jp');
  private readonly api = inject(DiscoverApi);
  private readonly edition = inject(CurrentEdition);
  private readonly language = inject(Language);

  protected readonly recommendations = rxResource({
    params: () => this.edition.summary()?.id,
    stream: ({ params }) => this.api.recommendations(params, 20),
  });
  private readonly locale = computed<Locale>(() => this.language.current());

  /** The engine's own catalogue renders the reason, in en, ja or zh-CN. */
  protected reason(part: ScorePartView): string {
    return formatReason(part.reason as Reason, this.locale());
  }

  protected points(part: ScorePartView): string {
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits: 1 }).format(part.points);
  }
}
