import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { GridBookingView, PartyRef } from '@jinan/contracts';
import { CurrentEdition } from '../core/current-edition';
import { formatInZone } from '../shared/zoned-time';
import { PRINT_STYLES } from './print-sheet';
import { ReportsApi } from './reports.api';

interface TableCard {
  number: number;
  rows: { slotId: string; startsAt: string; endsAt: string; booking: GridBookingView | undefined }[];
}

/**
 * One card per table of a negotiation session, one page each when printed: every slot
 * with the Japanese firm and the Ji'nan company sitting there. The card lies between
 * both parties, so it is bilingual (Chinese and Japanese) with both time zones.
 */
@Component({
  selector: 'app-table-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe],
  styles: `
    ${PRINT_STYLES}
    .report-card {
      border: 1px solid #999;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    .report-card h2 {
      font-size: 28px;
      margin: 0 0 4px;
    }
    .report-card .empty {
      color: #777;
    }
  `,
  template: `
    <div class="report-toolbar">
      <button mat-flat-button type="button" (click)="print()">{{ 'reports.print' | transloco }}</button>
    </div>
    @if (grid.isLoading() || edition.edition.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (session(); as s) {
      <div class="report-sheet" data-print="table-cards">
        @for (card of cards(); track card.number) {
          <section class="report-card" [attr.data-table]="card.number">
            <h2>
              <span lang="zh-CN">{{ card.number }}号桌</span> / <span lang="ja">{{ card.number }}番テーブル</span>
            </h2>
            <p>
              <span lang="zh-CN">{{ s.title.zh }}</span> / <span lang="ja">{{ s.title.ja }}</span> · {{ s.venue }}
            </p>
            <table>
              <thead>
                <tr>
                  <th><span lang="zh-CN">济南时间</span> / <span lang="ja">現地時間</span></th>
                  <th lang="ja">東京時間</th>
                  <th lang="ja">日本企業</th>
                  <th lang="zh-CN">济南企业</th>
                </tr>
              </thead>
              <tbody>
                @for (row of card.rows; track row.slotId) {
                  <tr>
                    <td class="time">{{ fmt(row.startsAt, zone(), 'time', 'zh-CN') }}–{{ fmt(row.endsAt, zone(), 'time', 'zh-CN') }}</td>
                    <td class="time">{{ fmt(row.startsAt, 'Asia/Tokyo', 'time', 'ja') }}</td>
                    @if (row.booking; as b) {
                      <td lang="ja">{{ name(b.jp, 'ja') }}</td>
                      <td lang="zh-CN">{{ name(b.cn, 'zh') }}</td>
                    } @else {
                      <td class="empty" colspan="2">—</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </section>
        }
      </div>
    }
  `,
})
export class TableCardsPage {
  readonly sessionId = input.required<string>();

  private readonly api = inject(ReportsApi);
  protected readonly edition = inject(CurrentEdition);

  protected readonly grid = rxResource({
    params: () => this.edition.summary()?.id,
    stream: ({ params: id }) => this.api.grid(id),
  });
  protected readonly session = computed(() => this.edition.edition.value()?.sessions.find((s) => s.id === this.sessionId()) ?? null);
  protected readonly zone = computed(() => this.edition.summary()?.timeZone ?? 'Asia/Shanghai');

  /** Tables that hold at least one meeting in this session, in number order. */
  protected readonly cards = computed<TableCard[]>(() => {
    const session = this.session();
    const bookings = (this.grid.value()?.bookings ?? []).filter((b) => b.sessionId === this.sessionId());
    if (!session) return [];
    const tables = [...new Set(bookings.map((b) => b.tableNumber))].sort((a, b) => a - b);
    return tables.map((number) => ({
      number,
      rows: session.slots.map((slot) => ({
        slotId: slot.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        booking: bookings.find((b) => b.tableNumber === number && b.slotId === slot.id),
      })),
    }));
  });

  protected fmt = formatInZone;

  protected name(p: PartyRef, lang: 'zh' | 'ja'): string {
    const n = p.name;
    return (lang === 'ja' ? (n.ja ?? n.en ?? n.zh) : (n.zh ?? n.en ?? n.ja)) ?? '';
  }

  protected print(): void {
    window.print();
  }
}
