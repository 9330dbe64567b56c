import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@jinan/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * Printables speak their reader's language, whatever the UI shows: this loads that
 * language's translations and translates in it.
 */
@Injectable({ providedIn: 'root' })
export class PrintLanguage {
  private readonly transloco = inject(TranslocoService);

  async load(locale: Locale): Promise<(key: string, params?: Record<string, unknown>) => string> {
    await firstValueFrom(this.transloco.load(locale));
    return (key, params) => this.transloco.translate(key, params, locale);
  }
}

/**
 * Shared by both printables: on paper only the sheet shows (the app's toolbar and
 * navigation are hidden), A4 margins, no page break inside a row or a card.
 */
export const PRINT_STYLES = `
  .report-sheet { max-width: 960px; }
  .report-sheet table { border-collapse: collapse; width: 100%; }
  .report-sheet th, .report-sheet td { text-align: start; padding: 6px 8px; border-bottom: 1px solid #ccc; vertical-align: top; }
  .report-sheet .time { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .report-toolbar { display: flex; gap: 8px; margin-bottom: 16px; }
  /* On a phone screen each row becomes a small card, so the sheet never scrolls sideways. */
  @media screen and (max-width: 599px) {
    .report-sheet table, .report-sheet tbody, .report-sheet tr, .report-sheet td { display: block; width: auto; }
    .report-sheet thead { display: none; }
    .report-sheet tr { border-bottom: 1px solid #ccc; padding: 6px 0; }
    .report-sheet td { border: none; padding: 2px 0; }
    .report-sheet .time { white-space: normal; }
  }
  @media print {
    @page { size: A4; margin: 14mm; }
    body * { visibility: hidden; }
    .report-sheet, .report-sheet * { visibility: visible; }
    .report-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; max-width: none; color: #000; }
    .report-toolbar { display: none; }
    .report-sheet tr, .report-sheet .report-card { break-inside: avoid; }
    .report-sheet .report-card { break-after: page; }
    .report-sheet .report-card:last-child { break-after: auto; }
  }
`;
