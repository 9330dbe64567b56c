import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language } from '@jinan/contracts';
import { ApiError } from '../core/api-error';
import { Session } from '../core/session';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { NotFoundComponent } from '../shared/not-found/not-found.component';
import { OrganizationsApi } from './organizations.api';

const SCRIPTS: { lang: Language; field: 'nameZh' | 'nameJa' | 'nameEn' }[] = [
  { lang: 'zh', field: 'nameZh' },
  { lang: 'ja', field: 'nameJa' },
  { lang: 'en', field: 'nameEn' },
];

/**
 * /organizations/:id — an organisation as a counterpart sees it: names in every script,
 * sectors, what it seeks, size, website, its published offers; its delegates only as
 * the privacy rules allow (the API leaves them out otherwise).
 */
@Component({
  selector: 'app-organization-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatProgressBarModule, TranslocoPipe, LocalizedTextComponent, NotFoundComponent],
  styles: `
    mat-card {
      margin-top: 12px;
    }
    .names {
      margin: 0 0 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    .facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .offers,
    .delegates {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .offers li,
    .delegates li {
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    @media (max-width: 599px) {
      .facts {
        grid-template-columns: 1fr;
      }
      .facts dd {
        margin-bottom: 6px;
      }
    }
  `,
  template: `
    @if (profile.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (notFound()) {
      <app-not-found />
    } @else if (profile.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (profile.hasValue()) {
      @let p = profile.value();
      @let o = p.organization;
      <h1 data-org-name>
        <app-localized [texts]="{ zh: o.nameZh, ja: o.nameJa, en: o.nameEn }" [primary]="o.country === 'JP' ? 'ja' : 'zh'" />
      </h1>
      <p class="names muted">
        @for (s of scripts; track s.lang) {
          @if (o[s.field]) {
            <span [attr.lang]="s.lang === 'zh' ? 'zh-CN' : s.lang">{{ o[s.field] }}</span>
          }
        }
      </p>
      <div class="chips">
        <span class="chip">{{ 'country.' + o.country | transloco }}</span>
        @for (s of o.sectors; track s) {
          <span class="chip">{{ 'sector.' + s | transloco }}</span>
        }
        @if (isBureau()) {
          <span class="chip">{{ 'verificationState.' + o.verification | transloco }}</span>
        }
      </div>

      <mat-card appearance="outlined">
        <mat-card-content>
          <dl class="facts">
            <dt>{{ 'org.seeks' | transloco }}</dt>
            <dd><app-localized [texts]="{ zh: o.seeksZh, ja: o.seeksJa, en: o.seeksEn }" [primary]="o.country === 'JP' ? 'ja' : 'zh'" /></dd>
            @if (o.cooperationTypes.length) {
              <dt>{{ 'org.cooperation' | transloco }}</dt>
              <dd>
                @for (c of o.cooperationTypes; track c; let last = $last) {
                  {{ 'cooperation.' + c | transloco }}{{ last ? '' : ' · ' }}
                }
              </dd>
            }
            <dt>{{ 'org.size' | transloco }}</dt>
            <dd>{{ 'size.' + o.sizeBand | transloco }}</dd>
            <dt>{{ 'org.languages' | transloco }}</dt>
            <dd>
              @for (l of o.languages; track l; let last = $last) {
                {{ 'language.' + l | transloco }}{{ last ? '' : ' · ' }}
              }
            </dd>
            @if (o.city) {
              <dt>{{ 'org.city' | transloco }}</dt>
              <dd>{{ o.city }}</dd>
            }
            @if (o.website) {
              <dt>{{ 'org.website' | transloco }}</dt>
              <dd>
                <a [href]="o.website" target="_blank" rel="noopener noreferrer">{{ o.website }}</a>
              </dd>
            }
            @if (o.description) {
              <dt>{{ 'org.description' | transloco }}</dt>
              <dd>{{ o.description }}</dd>
            }
            <dt>{{ 'org.delegateCount' | transloco }}</dt>
            <dd>{{ o.delegates }}</dd>
          </dl>
        </mat-card-content>
      </mat-card>

      @if (p.meetings.length) {
        <h2>{{ 'org.yourMeetings' | transloco }}</h2>
        <ul class="offers">
          @for (m of p.meetings; track m.id) {
            <li>
              <a [routerLink]="['/meetings', m.id]" data-org-meeting>{{ 'org.openMeeting' | transloco }}</a>
              &nbsp;<span class="chip status-{{ m.status }}">{{ 'meetingStatus.' + m.status | transloco }}</span>
            </li>
          }
        </ul>
      }

      <h2>{{ 'org.delegates' | transloco }}</h2>
      @if (p.delegates; as delegates) {
        <ul class="delegates" data-delegates>
          @for (d of delegates; track $index) {
            <li>
              <strong>{{ d.fullName }}</strong>
              @if (d.email) {
                · <a [href]="'mailto:' + d.email">{{ d.email }}</a>
              }
              @if (d.phone) {
                · {{ d.phone }}
              }
              @if (!d.email && !d.phone) {
                <span class="muted"> · {{ 'org.noConsent' | transloco }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="muted" data-delegates-hidden>{{ 'org.delegatesHidden' | transloco }}</p>
      }

      @if (o.country === 'CN') {
        <h2>{{ 'org.offers' | transloco: { count: p.offers.length } }}</h2>
        <ul class="offers">
          @for (offer of p.offers; track offer.id) {
            <li>
              @if (canOpenOffers()) {
                <a [routerLink]="['/discover/offers', offer.id]"><app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></a>
              } @else {
                <strong><app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></strong>
              }
              <div class="chips">
                <span class="chip">{{ 'sector.' + offer.sector | transloco }}</span>
                <span class="chip">{{ 'cooperation.' + offer.cooperationType | transloco }}</span>
              </div>
              <p class="muted"><app-localized [texts]="{ zh: offer.summaryZh, ja: offer.summaryJa, en: offer.summaryEn }" /></p>
            </li>
          } @empty {
            <li class="muted">{{ 'org.noOffers' | transloco }}</li>
          }
        </ul>
      }
    }
  `,
})
export class OrganizationPage {
  /** The route's :id (component input binding). */
  readonly id = input.required<string>();
  private readonly api = inject(OrganizationsApi);
  private readonly session = inject(Session);
  protected readonly scripts = SCRIPTS;
  protected readonly profile = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.profile(params) });
  protected readonly notFound = computed(() => {
    const e = this.profile.error();
    return e instanceof ApiError && (e.status === 404 || e.status === 400);
  });
  protected readonly isBureau = computed(() => this.session.role() === 'bureau');
  /** Offer pages live under /discover, open to Japanese firms and the bureau. */
  protected readonly canOpenOffers = computed(() => this.session.role() !== 'cn');
}
