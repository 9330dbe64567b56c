import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ScorePartView } from '@jinan/contracts';
// Only the reason catalogue and its formatter (a lazy chunk, as on the recommendations page).
import { formatReason, type Reason } from '@jinan/matching';
import { Language } from '../core/language';

/** A match score with its strongest reasons, in the viewer's language. */
@Component({
  selector: 'app-score-reasons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styles: `
    .score {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    meter {
      width: 120px;
    }
    ul {
      margin: 4px 0 0;
      padding-inline-start: 1.2rem;
    }
    .points {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
  `,
  template: `
    @if (score() !== null) {
      <div class="score" data-score>
        <span>{{ 'meetings.score' | transloco }}</span>
        <meter min="0" max="100" [value]="score()" [attr.aria-label]="'meetings.score' | transloco"></meter>
        <strong>{{ rounded() }}</strong>
      </div>
      @if (reasons().length) {
        <ul data-reasons [attr.aria-label]="'meetingDetail.reasons' | transloco">
          @for (p of reasons(); track p.name) {
            <li>
              {{ text(p) }} <span class="points">+{{ points(p) }}</span>
            </li>
          }
        </ul>
      }
    } @else {
      <p class="muted" data-score-none>{{ 'meetingDetail.noScore' | transloco }}</p>
    }
  `,
})
export class ScoreReasonsComponent {
  readonly score = input.required<number | null>();
  readonly reasons = input<ScorePartView[]>([]);
  private readonly language = inject(Language);

  protected rounded(): string {
    return new Intl.NumberFormat(this.language.current(), { maximumFractionDigits: 0 }).format(this.score() ?? 0);
  }

  protected text(part: ScorePartView): string {
    return formatReason(part.reason as Reason, this.language.current());
  }

  protected points(part: ScorePartView): string {
    return new Intl.NumberFormat(this.language.current(), { maximumFractionDigits: 1 }).format(part.points);
  }
}
