import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OfferView } from '@jinan/contracts';
import { errorText } from '../core/api-error';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { OffersApi } from './offers.api';
import { Feedback } from '../shared/feedback';

@Component({
  selector: 'app-my-offers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe, LocalizedTextComponent],
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
    }
    .offer-title {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 6px;
    }
  `,
  template: `
    <div class="head">
      <h1>{{ 'offers.title' | transloco }}</h1>
      <a mat-flat-button routerLink="new">{{ 'offers.new' | transloco }}</a>
    </div>
    @if (offers.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    @for (offer of offers.value()?.items ?? []; track offer.id) {
      <mat-card appearance="outlined" [attr.data-offer]="offer.id">
        <mat-card-content>
          <h2 class="offer-title" lang="zh-CN">{{ offer.titleZh }}</h2>
          @if (offer.titleJa || offer.titleEn) {
            <div class="muted"><app-localized [texts]="{ ja: offer.titleJa, en: offer.titleEn }" primary="ja" /></div>
          }
          <div class="chips" style="margin-top: 6px">
            <span class="chip status-{{ offer.status }}">{{ 'offerStatus.' + offer.status | transloco }}</span>
            <span class="chip">{{ 'sector.' + offer.sector | transloco }}</span>
            <span class="chip">{{ 'cooperation.' + offer.cooperationType | transloco }}</span>
          </div>
        </mat-card-content>
        <mat-card-actions class="actions">
          <a mat-button [routerLink]="[offer.id, 'edit']">{{ 'common.edit' | transloco }}</a>
          @if (offer.status !== 'published') {
            <button mat-button type="button" (click)="act(offer, 'publish')" [disabled]="busy()">{{ 'offers.publish' | transloco }}</button>
          } @else {
            <button mat-button type="button" (click)="act(offer, 'withdraw')" [disabled]="busy()">{{ 'offers.withdraw' | transloco }}</button>
          }
        </mat-card-actions>
      </mat-card>
    } @empty {
      @if (!offers.isLoading()) {
        <p>{{ 'offers.none' | transloco }}</p>
      }
    }
  `,
})
export class MyOffersPage {
  private readonly api = inject(OffersApi);
  protected readonly offers = rxResource({ stream: () => this.api.mine() });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);

  protected act(offer: OfferView, action: 'publish' | 'withdraw'): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.transition(offer.id, action).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.offers.update((page) => page && { ...page, items: page.items.map((o) => (o.id === updated.id ? updated : o)) });
        this.feedback.done(action === 'publish' ? 'offers.publishedDone' : 'offers.withdrawnDone');
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(errorText(e));
      },
    });
  }
}
