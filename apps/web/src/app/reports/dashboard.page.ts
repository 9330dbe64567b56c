import { PercentPipe } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { EditionStatsView, OrganizationView, OrganizationWithoutMeetingView, Page } from '@jinan/contracts';
import { WITHOUT_MEETING_FIRST } from '@jinan/contracts/stats';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { of } from 'rxjs';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { ZonedTimePipe } from '../shared/zoned-time';
import { TimeZones } from '../core/time-zones';
import { CsvExportName, ReportsApi } from './reports.api';

const SECTORS = ['health', 'environment', 'digital'] as const;
const FUNNEL_STAGES = ['placed', 'held', 'withFeedback', 'followUpPlanned', 'agreementExpected', 'agreementSigned'] as const;

/**
 * The bureau's live figures: requests to placed meetings by sector and by day, rates,
 * organizations left without a meeting, most requested offers and the outcome funnel.
 * Each chart carries the numbers it draws in `data-series` (for tests and screen readers
 * the same numbers are in the tables below it).
 */
@Component({
  selector: 'app-reports-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    PercentPipe,
    MatCardModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    NgxEchartsDirective,
    LocalizedTextComponent,
    ZonedTimePipe,
  ],
  styles: `
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
      margin: 12px 0 20px;
    }
    .kpi {
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .kpi strong {
      display: block;
      font: var(--mat-sys-headline-small);
      font-family: inherit;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr));
      gap: 16px;
    }
    .chart {
      height: 300px;
      width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    td.n,
    th.n {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .scroll {
      overflow-x: auto;
    }
    section {
      margin-top: 24px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  template: `
    <h1>{{ 'reports.dashboard.title' | transloco }}</h1>
    @if (stats.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (stats.error()) {
      <p class="form-error" role="alert">{{ 'common.loadFailed' | transloco }}</p>
    }
    @if (stats.value(); as s) {
      <p class="muted" data-generated-at>
        {{ 'reports.dashboard.asOf' | transloco: { time: (s.generatedAt | zonedTime: zones.displayZone() : 'datetime' : language.current()) } }}
      </p>
      <div class="kpis" data-kpis>
        @for (m of countMeasures; track m) {
          <div class="kpi" [attr.data-kpi]="m">
            <span>{{ 'reports.measure.' + m | transloco }}</span
            ><strong>{{ s.totals[m] }}</strong>
          </div>
        }
        <div class="kpi" data-kpi="acceptanceRate">
          <span>{{ 'reports.measure.acceptanceRate' | transloco }}</span>
          <strong>{{ s.totals.acceptanceRate === null ? '—' : (s.totals.acceptanceRate | percent: '1.0-1') }}</strong>
        </div>
        <div class="kpi" data-kpi="fillRate">
          <span>{{ 'reports.measure.fillRate' | transloco }}</span>
          <strong>{{ s.totals.fillRate === null ? '—' : (s.totals.fillRate | percent: '1.0-2') }}</strong>
          <small class="muted">{{ 'reports.dashboard.fillRateOf' | transloco: { placed: s.totals.placed, capacity: s.totals.capacity } }}</small>
        </div>
      </div>

      <div class="charts">
        <mat-card appearance="outlined">
          <mat-card-header
            ><mat-card-title>{{ 'reports.dashboard.bySector' | transloco }}</mat-card-title></mat-card-header
          >
          <mat-card-content>
            <div echarts class="chart" data-chart="sector" [attr.data-series]="sectorSeries()" [options]="sectorChart()"></div>
          </mat-card-content>
        </mat-card>
        <mat-card appearance="outlined">
          <mat-card-header
            ><mat-card-title>{{ 'reports.dashboard.byDay' | transloco }}</mat-card-title></mat-card-header
          >
          <mat-card-content>
            <div echarts class="chart" data-chart="day" [attr.data-series]="daySeries()" [options]="dayChart()"></div>
          </mat-card-content>
        </mat-card>
        <mat-card appearance="outlined">
          <mat-card-header
            ><mat-card-title>{{ 'reports.dashboard.funnel' | transloco }}</mat-card-title></mat-card-header
          >
          <mat-card-content>
            <div echarts class="chart" data-chart="funnel" [attr.data-series]="funnelSeries()" [options]="funnelChart()"></div>
          </mat-card-content>
        </mat-card>
        <mat-card appearance="outlined">
          <mat-card-header
            ><mat-card-title>{{ 'reports.dashboard.topOffers' | transloco }}</mat-card-title></mat-card-header
          >
          <mat-card-content>
            <div echarts class="chart" data-chart="offers" [attr.data-series]="offerSeries()" [options]="offerChart()"></div>
          </mat-card-content>
        </mat-card>
      </div>

      <section>
        <h2>{{ 'reports.dashboard.bySector' | transloco }}</h2>
        <div class="scroll">
          <table data-table="sectors">
            <thead>
              <tr>
                <th>{{ 'reports.measure.sector' | transloco }}</th>
                <th class="n">{{ 'reports.measure.requests' | transloco }}</th>
                <th class="n">{{ 'reports.measure.approvals' | transloco }}</th>
                <th class="n">{{ 'reports.measure.acceptances' | transloco }}</th>
                <th class="n">{{ 'reports.measure.placed' | transloco }}</th>
                <th class="n">{{ 'reports.measure.acceptanceRate' | transloco }}</th>
                <th class="n">{{ 'reports.measure.fillRate' | transloco }}</th>
                <th class="n">{{ 'reports.funnel.agreementSigned' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of s.bySector; track row.sector) {
                <tr [attr.data-sector]="row.sector">
                  <td>{{ 'sector.' + row.sector | transloco }}</td>
                  <td class="n">{{ row.requests }}</td>
                  <td class="n">{{ row.approvals }}</td>
                  <td class="n">{{ row.acceptances }}</td>
                  <td class="n">{{ row.placed }}</td>
                  <td class="n">{{ row.acceptanceRate === null ? '—' : (row.acceptanceRate | percent: '1.0-1') }}</td>
                  <td class="n">{{ row.fillRate === null ? '—' : (row.fillRate | percent: '1.0-2') }}</td>
                  <td class="n">{{ signedIn(s, row.sector) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2>{{ 'reports.dashboard.signedProjects' | transloco }}</h2>
        @if (s.keyProjects; as k) {
          <p data-key-projects>{{ 'reports.dashboard.keyProjects' | transloco: { total: k.total, signed: k.fromSignedOutcomes } }}</p>
        }
        @for (p of s.signedProjects; track p.meetingId) {
          <p data-signed>
            <span class="chip">{{ 'sector.' + p.sector | transloco }}</span>
            <app-localized [texts]="p.jp.name" primary="ja" /> × <app-localized [texts]="p.cn.name" />
            @if (p.offerTitle; as t) {
              — <app-localized [texts]="t" />
            }
          </p>
        } @empty {
          <p class="muted">{{ 'reports.dashboard.noneSigned' | transloco }}</p>
        }
      </section>

      <section>
        <h2>{{ 'reports.dashboard.withoutMeeting' | transloco: { count: s.withoutMeetingTotal } }}</h2>
        <div class="scroll">
          <table data-table="without-meeting">
            <thead>
              <tr>
                <th>{{ 'reports.dashboard.organization' | transloco }}</th>
                <th>{{ 'reports.dashboard.reason' | transloco }}</th>
                <th class="n">{{ 'reports.dashboard.pending' | transloco }}</th>
                <th class="n">{{ 'reports.dashboard.refused' | transloco }}</th>
                <th class="n">{{ 'reports.dashboard.accepted' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (w of withoutMeeting(); track w.organization.id) {
                <tr [attr.data-org]="w.organization.id" [attr.data-reason]="w.reason">
                  <td><app-localized [texts]="w.organization.name" [primary]="w.organization.country === 'JP' ? 'ja' : 'zh'" /></td>
                  <td>
                    {{ 'reports.reason.' + w.reason | transloco }}
                    @if (w.reason === 'not_placed') {
                      <br /><small class="muted" lang="en">{{ w.message }}</small>
                    }
                  </td>
                  <td class="n">{{ w.meetings.pending }}</td>
                  <td class="n">{{ w.meetings.refused }}</td>
                  <td class="n">{{ w.meetings.accepted }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (s.withoutMeetingTotal > withoutMeeting().length) {
          <button mat-button type="button" (click)="showMore(s.editionId)">{{ 'reports.dashboard.showMore' | transloco }}</button>
        }
      </section>
    }

    <section>
      <h2>{{ 'reports.dashboard.exports' | transloco }}</h2>
      <div class="row">
        @for (name of exportNames; track name) {
          <button mat-stroked-button type="button" [attr.data-export]="name" (click)="download(name)">{{ 'reports.export.' + name | transloco }}</button>
        }
      </div>
    </section>

    <section>
      <h2>{{ 'reports.dashboard.printables' | transloco }}</h2>
      <h3>{{ 'reports.title.tableCards' | transloco }}</h3>
      <div class="row">
        @for (session of negotiationSessions(); track session.id) {
          <a mat-stroked-button [routerLink]="['/reports/table-cards', session.id]">
            {{ 'sector.' + session.sector | transloco }} · {{ session.startsAt.slice(5, 10) }} {{ session.startsAt.slice(11, 16) }}
          </a>
        }
      </div>
      <h3>{{ 'reports.title.agenda' | transloco }}</h3>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'reports.dashboard.findOrganization' | transloco }}</mat-label>
        <input matInput [ngModel]="query()" (ngModelChange)="query.set($event)" />
      </mat-form-field>
      <div class="row">
        @for (o of found.value()?.items ?? []; track o.id) {
          <a mat-button [routerLink]="['/reports/agenda']" [queryParams]="{ organization: o.id }">
            <app-localized [texts]="{ zh: o.nameZh, ja: o.nameJa, en: o.nameEn }" [primary]="o.country === 'JP' ? 'ja' : 'zh'" />
          </a>
        }
      </div>
    </section>
  `,
})
export class DashboardPage {
  private readonly api = inject(ReportsApi);
  private readonly http = inject(HttpClient);
  private readonly edition = inject(CurrentEdition);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);

  protected readonly countMeasures = ['requests', 'approvals', 'acceptances', 'placed'] as const;
  protected readonly exportNames: CsvExportName[] = ['meetings', 'schedule', 'organizations', 'audit'];
  /** Pages of organizations without a meeting loaded after the first (the statistics carry the first). */
  private readonly more = signal<{ editionId: string; items: OrganizationWithoutMeetingView[] }>({ editionId: '', items: [] });
  protected readonly query = signal('');

  protected readonly stats = rxResource({
    params: () => this.edition.summary()?.id,
    stream: ({ params: id }) => this.api.stats(id),
  });
  protected readonly withoutMeeting = computed(() => {
    const s = this.stats.value();
    if (!s) return [];
    const more = this.more();
    return more.editionId === s.editionId ? [...s.withoutMeeting, ...more.items] : s.withoutMeeting;
  });

  protected showMore(editionId: string): void {
    const page = Math.floor(this.withoutMeeting().length / WITHOUT_MEETING_FIRST) + 1;
    this.api.withoutMeeting(editionId, page, WITHOUT_MEETING_FIRST).subscribe((next) => {
      const current = this.more();
      this.more.set({ editionId, items: [...(current.editionId === editionId ? current.items : []), ...next.items] });
    });
  }
  protected readonly found = rxResource({
    params: () => this.query().trim(),
    stream: ({ params: q }) =>
      q.length < 1 ? of(null) : this.http.get<Page<OrganizationView>>('/api/organizations', { params: new HttpParams().set('q', q).set('pageSize', 10) }),
  });
  protected readonly negotiationSessions = computed(() => (this.edition.edition.value()?.sessions ?? []).filter((s) => s.kind === 'negotiation'));

  /** Labels follow the UI language (the signal makes the charts redraw on a switch). */
  private label(key: string): string {
    this.language.current();
    return this.transloco.translate(key);
  }

  protected readonly sectorSeries = computed(() => {
    const s = this.stats.value();
    if (!s) return null;
    return JSON.stringify(s.bySector.map((r) => [r.sector, r.requests, r.approvals, r.acceptances, r.placed]));
  });
  protected readonly sectorChart = computed<EChartsCoreOption>(() => {
    const s = this.stats.value();
    // Activity by the day it happened. Placed meetings are dated by their slot (the event days),
    // a different axis, so they are not drawn here (the sector chart shows them).
    const measures = ['requests', 'approvals', 'acceptances'] as const;
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: SECTORS.map((x) => this.label(`sector.${x}`)), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: measures.map((m) => ({
        type: 'bar',
        name: this.label(`reports.measure.${m}`),
        data: SECTORS.map((x) => s?.bySector.find((r) => r.sector === x)?.[m] ?? 0),
      })),
    };
  });

  protected readonly daySeries = computed(() => {
    const s = this.stats.value();
    return s ? JSON.stringify(s.byDay.map((d) => [d.date, d.requests, d.approvals, d.acceptances, d.placed])) : null;
  });
  protected readonly dayChart = computed<EChartsCoreOption>(() => {
    const days = this.stats.value()?.byDay ?? [];
    // Activity by the day it happened. Placed meetings are dated by their slot (the event days),
    // a different axis, so they are not drawn here (the sector chart shows them).
    const measures = ['requests', 'approvals', 'acceptances'] as const;
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: days.map((d) => d.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: measures.map((m) => ({ type: 'line', name: this.label(`reports.measure.${m}`), data: days.map((d) => d[m]) })),
    };
  });

  /** The edition's funnel: every sector summed, stage by stage. */
  private readonly funnelTotals = computed(() => {
    const funnel = this.stats.value()?.funnel ?? [];
    return FUNNEL_STAGES.map((stage) => [stage, funnel.reduce((n, f) => n + f[stage], 0)] as const);
  });
  protected readonly funnelSeries = computed(() => (this.stats.value() ? JSON.stringify(this.funnelTotals()) : null));
  protected readonly funnelChart = computed<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '8%',
        // Labels beside the funnel, one per stage: inside, the narrow last stages overlapped.
        left: '4%',
        width: '48%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: { position: 'right', formatter: '{b}: {c}', overflow: 'truncate', width: 150 },
        labelLine: { show: true, length: 12 },
        data: this.funnelTotals().map(([stage, value]) => ({ name: this.label(`reports.funnel.${stage}`), value })),
      },
    ],
  }));

  protected readonly offerSeries = computed(() => {
    const s = this.stats.value();
    return s ? JSON.stringify(s.topOffers.map((o) => [o.offerId, o.requests, o.acceptances])) : null;
  });
  protected readonly offerChart = computed<EChartsCoreOption>(() => {
    const offers = [...(this.stats.value()?.topOffers ?? [])].reverse();
    const lang = this.language.content();
    const title = (t: { zh: string; ja: string | null; en: string | null }) => (lang === 'ja' ? t.ja : lang === 'en' ? t.en : null) ?? t.zh;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: offers.map((o) => title(o.title)), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: this.label('reports.measure.requests'), data: offers.map((o) => o.requests) },
        { type: 'bar', name: this.label('reports.measure.acceptances'), data: offers.map((o) => o.acceptances) },
      ],
    };
  });

  protected signedIn(s: EditionStatsView, sector: string): number {
    return s.funnel.find((f) => f.sector === sector)?.agreementSigned ?? 0;
  }

  protected download(name: CsvExportName): void {
    const id = this.edition.summary()?.id;
    if (id) this.api.downloadCsv(id, name, this.language.current());
  }
}
