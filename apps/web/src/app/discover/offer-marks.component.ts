import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/session';
import { OfferMarks } from './offer-marks';

/** "Already requested" and the shortlist star beside an offer (Japanese firms only). */
@Component({
  selector: 'app-offer-marks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe],
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
    }
  `,
  template: `
    @if (status(); as s) {
      <span class="chip status-{{ s }}" data-requested>{{ 'shortlist.requested' | transloco: { status: ('meetingStatus.' + s | transloco) } }}</span>
    }
    @if (isFirm() && offerId()) {
      <button mat-button type="button" (click)="toggle()" [attr.aria-pressed]="listed()" data-shortlist>
        {{ listed() ? '★' : '☆' }} {{ (listed() ? 'shortlist.remove' : 'shortlist.add') | transloco }}
      </button>
    }
  `,
})
export class OfferMarksComponent {
  /** The offer, or null for a company without one. */
  readonly offerId = input<string | null>(null);
  readonly companyId = input.required<string>();
  readonly title = input<{ zh: string | null; ja: string | null; en: string | null }>({ zh: null, ja: null, en: null });
  private readonly marks = inject(OfferMarks);
  private readonly session = inject(Session);
  protected readonly isFirm = computed(() => this.session.role() === 'jp');
  protected readonly status = computed(() => {
    const r = this.marks.requested();
    const offer = this.offerId();
    return (offer ? r.byOffer.get(offer) : undefined) ?? r.byCompany.get(this.companyId()) ?? null;
  });
  protected readonly listed = computed(() => {
    const id = this.offerId();
    return !!id && this.marks.shortlist().some((e) => e.id === id);
  });

  protected toggle(): void {
    const id = this.offerId();
    if (id) this.marks.toggle({ id, title: this.title() });
  }
}
