import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { ZonedTimePipe } from '../shared/zoned-time';
import { TimeZones } from '../core/time-zones';
import { DiscoverApi } from './discover.api';

@Component({
  selector: 'app-offer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, RouterLink, TranslocoPipe, LocalizedTextComponent, ZonedTimePipe],
  styles: `
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .original { white-space: pre-wrap; }
    @media (max-width: 599px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
  `,
  template: `
    <a mat-button routerLink="/discover">← {{ 'discover.back' | transloco }}</a>
    @if (offer.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (offer.value(); as o) {
      <h1><app-localized [texts]="{ zh: o.titleZh, ja: o.titleJa, en: o.titleEn }" /></h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <div class="chips">
            <span class="chip">{{ 'sector.' + o.sector | transloco }}</span>
            <span class="chip">{{ 'cooperation.' + o.cooperationType | transloco }}</span>
          </div>
          <p class="original"><app-localized [texts]="{ zh: o.summaryZh, ja: o.summaryJa, en: o.summaryEn }" /></p>
          <dl>
            <dt>{{ 'offer.company' | transloco }}</dt>
            <dd><app-localized [texts]="o.organizationName" /></dd>
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
      <p class="muted">{{ 'discover.requestPending' | transloco }}</p>
    }
  `,
})
export class OfferDetailPage {
  readonly id = input.required<string>();
  private readonly api = inject(DiscoverApi);
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);
  protected readonly offer = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.offer(params) });
}
