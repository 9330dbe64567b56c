import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { OfferMarks } from './offer-marks';

/** The firm's shortlisted offers, to compare and request from. */
@Component({
  selector: 'app-shortlist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, LocalizedTextComponent],
  styles: `
    details {
      margin: 8px 0 16px;
    }
    summary {
      cursor: pointer;
      padding: 6px 0;
      font: var(--mat-sys-title-small);
      font-family: inherit;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
  `,
  template: `
    <details data-shortlist-list [open]="marks.shortlist().length > 0">
      <summary>★ {{ 'shortlist.title' | transloco: { count: marks.shortlist().length } }}</summary>
      <ul>
        @for (e of marks.shortlist(); track e.id) {
          <li>
            <a [routerLink]="['/discover/offers', e.id]"><app-localized [texts]="e.title" /></a>
          </li>
        } @empty {
          <li class="muted">{{ 'shortlist.empty' | transloco }}</li>
        }
      </ul>
    </details>
  `,
})
export class ShortlistComponent {
  protected readonly marks = inject(OfferMarks);
}
