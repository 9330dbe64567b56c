import { ChangeDetectionStrategy, Component, computed, inject, input, resource, ViewEncapsulation } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaView, Locale, OrganizationView } from '@jinan/contracts';
import { firstValueFrom } from 'rxjs';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { Session } from '../core/session';
import { formatInZone } from '../shared/zoned-time';
import { PRINT_STYLES, PrintLanguage } from './print-sheet';
import { ReportsApi } from './reports.api';

const TOKYO = 'Asia/Tokyo';

interface PrintedAgenda {
  t: (key: string, params?: Record<string, unknown>) => string;
  locale: Locale;
  organization: OrganizationView;
  agenda: AgendaView;
  /** Japanese firms read Tokyo time first, then the edition's. */
  twoZones: boolean;
}

/**
 * One organization's agenda on paper, in the viewer's language (what the screen shows);
 * a Japanese firm's with Tokyo and Ji'nan times. Names are the viewer's language when
 * given, else the organisation's own (as the screen shows them), else English. A party
 * prints its own; the bureau any, with ?organization=<id>.
 */
@Component({
  selector: 'app-agenda-print',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe],
  styles: PRINT_STYLES,
  template: `
    <div class="report-toolbar">
      <button mat-flat-button type="button" (click)="print()" [disabled]="!sheet.value()">{{ 'reports.print' | transloco }}</button>
    </div>
    @if (sheet.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (sheet.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (sheet.value(); as s) {
      <article class="report-sheet" [attr.lang]="s.locale" data-print="agenda">
        <h1>{{ s.t('reports.agenda.heading') }}</h1>
        <p>
          <strong>{{ name(s) }}</strong
          ><br />
          {{ editionName(s.locale) }}
        </p>
        @if (s.twoZones) {
          <p class="muted">{{ s.t('reports.agenda.twoZones') }}</p>
        }
        <table>
          <thead>
            <tr>
              <th>{{ s.t('reports.agenda.date') }}</th>
              <th>{{ s.twoZones ? s.t('reports.agenda.timeTokyo') : s.t('reports.agenda.time') }}</th>
              @if (s.twoZones) {
                <th>{{ s.t('reports.agenda.timeEvent') }}</th>
              }
              <th>{{ s.t('reports.agenda.place') }}</th>
              <th>{{ s.t('reports.agenda.counterpart') }}</th>
              <th>{{ s.t('reports.agenda.about') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of s.agenda.items; track item.meetingId) {
              <tr [attr.data-meeting]="item.meetingId">
                <td class="time">{{ fmt(item.startsAt, s.agenda.zone, 'day', s.locale) }}</td>
                <td class="time">{{ fmt(item.startsAt, s.agenda.zone, 'time', s.locale) }}–{{ fmt(item.endsAt, s.agenda.zone, 'time', s.locale) }}</td>
                @if (s.twoZones) {
                  <td class="time">
                    {{ fmt(item.editionStartsAt, s.agenda.editionZone, 'time', s.locale) }}–{{
                      fmt(item.editionEndsAt, s.agenda.editionZone, 'time', s.locale)
                    }}
                  </td>
                }
                <td>{{ item.venue }} · {{ s.t('reports.agenda.table', { number: item.tableNumber }) }}</td>
                <td>{{ pick(item.counterpart.name, s.locale, s.organization.country === 'JP' ? 'zh' : 'ja') }}</td>
                <td>{{ item.offer ? pick({ zh: item.offer.titleZh, ja: item.offer.titleJa, en: item.offer.titleEn }, s.locale, 'zh') : '' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">{{ s.t('reports.agenda.none') }}</td>
              </tr>
            }
          </tbody>
        </table>
      </article>
    }
  `,
})
export class AgendaPrintPage {
  /** Bureau only: whose agenda (a query parameter). */
  readonly organization = input<string>();

  private readonly api = inject(ReportsApi);
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);
  private readonly edition = inject(CurrentEdition);
  private readonly language = inject(PrintLanguage);
  private readonly viewerLanguage = inject(Language);

  protected readonly sheet = resource({
    params: () => {
      const edition = this.edition.summary();
      const organizationId = this.organization() ?? this.session.user()?.organizationId;
      const locale = this.viewerLanguage.current();
      return edition && organizationId ? { editionId: edition.id, editionZone: edition.timeZone, organizationId, locale } : undefined;
    },
    loader: async ({ params }): Promise<PrintedAgenda> => {
      const organization = await firstValueFrom(this.http.get<OrganizationView>(`/api/organizations/${params.organizationId}`));
      const japanese = organization.country === 'JP';
      const locale: Locale = params.locale;
      const forBureau = this.session.role() === 'bureau' ? params.organizationId : undefined;
      const [t, agenda] = await Promise.all([
        this.language.load(locale),
        firstValueFrom(this.api.agenda(params.editionId, japanese ? TOKYO : params.editionZone, forBureau)),
      ]);
      return { t, locale, organization, agenda, twoZones: japanese && agenda.zone !== agenda.editionZone };
    },
  });

  private readonly summary = computed(() => this.edition.summary());

  protected fmt = formatInZone;

  protected name(s: PrintedAgenda): string {
    const o = s.organization;
    return this.pick({ zh: o.nameZh, ja: o.nameJa, en: o.nameEn }, s.locale, o.country === 'JP' ? 'ja' : 'zh');
  }

  protected editionName(locale: Locale): string {
    const n = this.summary()?.name;
    return n ? (locale === 'ja' ? n.ja : locale === 'en' ? n.en : n.zh) : '';
  }

  /** The viewer's language, else the organisation's own (`native`), else English: as the screen shows names. */
  protected pick(texts: { zh: string | null; ja: string | null; en: string | null }, locale: Locale, native: 'zh' | 'ja' = 'zh'): string {
    const viewer = locale === 'ja' ? texts.ja : locale === 'en' ? texts.en : texts.zh;
    const order = [viewer, texts[native], texts.en, texts.zh, texts.ja];
    return order.find((x) => x) ?? '';
  }

  protected print(): void {
    window.print();
  }
}
