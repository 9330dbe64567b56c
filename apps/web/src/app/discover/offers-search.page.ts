import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperationType, Sector } from '@jinan/contracts';
import { COOPERATION_TYPES, SECTORS } from '@jinan/contracts/enums';
import { LIST_SEPARATORS } from '@jinan/matching/reasons';
import { debounceTime } from 'rxjs';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { OfferMarksComponent } from './offer-marks.component';
import { ShortlistComponent } from './shortlist.component';
import { Session } from '../core/session';
import { DiscoverApi } from './discover.api';

@Component({
  selector: 'app-offers-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    LocalizedTextComponent,
    OfferMarksComponent,
    ShortlistComponent,
  ],
  styles: `
    .filters {
      margin-bottom: 4px;
    }
    .offer-title {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 4px;
    }
    .offer-title a {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .matched {
      margin: 8px 0 0;
    }
    .matched mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 4px;
      padding: 0 4px;
    }
    .summary {
      margin: 8px 0 0;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
  `,
  template: `
    <h1>{{ 'discover.title' | transloco }}</h1>
    @if (isFirm()) {
      <app-shortlist />
    }
    <form [formGroup]="filters" class="row filters" role="search" (ngSubmit)="$event.preventDefault()">
      <mat-form-field>
        <mat-label>{{ 'discover.search' | transloco }}</mat-label>
        <input matInput formControlName="q" type="search" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.sector' | transloco }}</mat-label>
        <mat-select formControlName="sector">
          <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
          @for (s of sectors; track s) {
            <mat-option [value]="s">{{ 'sector.' + s | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.cooperationType' | transloco }}</mat-label>
        <mat-select formControlName="cooperationType">
          <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
          @for (t of types; track t) {
            <mat-option [value]="t">{{ 'cooperation.' + t | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
    @if (results.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (results.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (results.value(); as page) {
      <p class="muted" aria-live="polite">{{ 'discover.count' | transloco: { count: page.total } }}</p>
      @for (offer of page.items; track offer.id) {
        <mat-card appearance="outlined" class="offer">
          <mat-card-content>
            <h2 class="offer-title">
              <a [routerLink]="['/discover/offers', offer.id]"><app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></a>
            </h2>
            <div class="muted">
              <a [routerLink]="['/organizations', offer.organizationId]"><app-localized [texts]="offer.organizationName" /></a>
            </div>
            <app-offer-marks
              [offerId]="offer.id"
              [companyId]="offer.organizationId"
              [title]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }"
              [attr.data-marks]="offer.id"
            />
            <div class="chips" style="margin-top: 6px">
              <span class="chip">{{ 'sector.' + offer.sector | transloco }}</span>
              <span class="chip">{{ 'cooperation.' + offer.cooperationType | transloco }}</span>
            </div>
            @if (offer.matched?.[language.current()]?.length) {
              <p class="matched" data-matched>
                {{ 'discover.matched' | transloco }}:
                @for (word of offer.matched?.[language.current()]; track word; let last = $last) {
                  <mark [attr.lang]="language.current()">{{ word }}</mark>
                  @if (!last) {
                    <span>{{ separator() }}</span>
                  }
                }
              </p>
            }
            <p class="summary"><app-localized [texts]="{ zh: offer.summaryZh, ja: offer.summaryJa, en: offer.summaryEn }" /></p>
          </mat-card-content>
        </mat-card>
      } @empty {
        <p>{{ 'discover.none' | transloco }}</p>
      }
      <mat-paginator
        [length]="page.total"
        [pageIndex]="page.page - 1"
        [pageSize]="page.pageSize"
        [hidePageSize]="true"
        (page)="turn($event)"
        [attr.aria-label]="'common.pages' | transloco"
      />
    }
  `,
})
export class OffersSearchPage {
  private readonly session = inject(Session);
  protected readonly isFirm = computed(() => this.session.role() === 'jp');
  private readonly api = inject(DiscoverApi);
  /** The viewer's locale: a search result's matched words are shown in it (the API gives them per locale). */
  protected readonly language = inject(Language);
  protected readonly separator = computed(() => LIST_SEPARATORS[this.language.current()]);
  protected readonly sectors = SECTORS;
  protected readonly types = COOPERATION_TYPES;
  protected readonly filters = inject(FormBuilder).nonNullable.group({
    q: [''],
    sector: ['' as Sector | ''],
    cooperationType: ['' as CooperationType | ''],
  });
  private readonly criteria = toSignal(this.filters.valueChanges.pipe(debounceTime(300)), { initialValue: this.filters.getRawValue() });
  private readonly page = signal(1);
  protected readonly results = rxResource({
    params: () => ({ ...this.criteria(), page: this.page(), pageSize: 10 }),
    stream: ({ params }) => this.api.search(params),
  });

  constructor() {
    this.filters.valueChanges.subscribe(() => this.page.set(1));
  }

  protected turn(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
  }
}
