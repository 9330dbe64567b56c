import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Confirm } from '../shared/confirm-dialog';
import { Feedback } from '../shared/feedback';
import type { OrganizationView, VerificationState } from '@jinan/contracts';
import { errorText } from '../core/api-error';
import { LocalizedTextComponent } from '../shared/localized-text.component';
import { CityPipe } from '../shared/city-name';
import { Language } from '../core/language';
import { BureauApi } from './bureau.api';

/** Verification queue: registrations wait here until the bureau verifies or rejects them. */
@Component({
  selector: 'app-organizations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FormsModule,
    MatCardModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalizedTextComponent,
    CityPipe,
  ],
  styles: `
    .org-name {
      font: var(--mat-sys-title-medium);
      font-family: inherit;
      margin: 0 0 4px;
    }
    .note {
      flex: 1 1 200px;
    }
  `,
  template: `
    <h1>{{ 'verification.title' | transloco }}</h1>
    <mat-button-toggle-group [value]="filter()" (change)="filter.set($event.value)" [attr.aria-label]="'verification.filter' | transloco">
      <mat-button-toggle value="pending">{{ 'verificationState.pending' | transloco }}</mat-button-toggle>
      <mat-button-toggle value="verified">{{ 'verificationState.verified' | transloco }}</mat-button-toggle>
      <mat-button-toggle value="rejected">{{ 'verificationState.rejected' | transloco }}</mat-button-toggle>
      <mat-button-toggle value="">{{ 'common.all' | transloco }}</mat-button-toggle>
    </mat-button-toggle-group>
    @if (orgs.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    @if (orgs.value(); as page) {
      <p class="muted" aria-live="polite">{{ 'verification.count' | transloco: { count: page.total } }}</p>
      @for (org of page.items; track org.id) {
        <mat-card appearance="outlined" [attr.data-org]="org.id">
          <mat-card-content>
            <h2 class="org-name">
              <a [routerLink]="['/organizations', org.id]" [attr.data-org-link]="org.id"
                ><app-localized [texts]="{ zh: org.nameZh, ja: org.nameJa, en: org.nameEn }" [primary]="org.country === 'JP' ? 'ja' : 'zh'"
              /></a>
            </h2>
            <div class="chips">
              <span class="chip">{{ 'country.' + org.country | transloco }}</span>
              <span class="chip status-{{ org.verification }}">{{ 'verificationState.' + org.verification | transloco }}</span>
              @for (s of org.sectors; track s) {
                <span class="chip">{{ 'sector.' + s | transloco }}</span>
              }
              <span class="chip">{{ 'size.' + org.sizeBand | transloco }}</span>
            </div>
            <p class="muted">
              {{ 'fields.languages' | transloco }}:
              @for (l of org.languages; track l; let last = $last) {
                {{ 'language.' + l | transloco }}{{ last ? '' : ', ' }}
              }
              · {{ 'fields.delegates' | transloco }}: {{ org.delegates }}
              @if (org.city) {
                · {{ org.city | city: language.current() }}
              }
            </p>
            @if (org.website) {
              <p data-website>
                {{ 'org.website' | transloco }}: <a [href]="org.website" target="_blank" rel="noopener noreferrer">{{ org.website }}</a>
              </p>
            }
            <p data-seeks>
              {{ 'org.seeks' | transloco }}:
              <app-localized [texts]="{ zh: org.seeksZh, ja: org.seeksJa, en: org.seeksEn }" [primary]="org.country === 'JP' ? 'ja' : 'zh'" />
            </p>
            @if (org.description) {
              <p class="muted" data-description>{{ org.description }}</p>
            }
          </mat-card-content>
          @if (org.verification !== 'verified') {
            <mat-card-actions class="actions">
              <mat-form-field class="note" subscriptSizing="dynamic">
                <mat-label>{{ 'verification.note' | transloco }}</mat-label>
                <input matInput [(ngModel)]="notes[org.id]" />
              </mat-form-field>
              <button mat-flat-button type="button" (click)="decide(org, 'verified')" [disabled]="busy()">{{ 'verification.verify' | transloco }}</button>
              @if (org.verification !== 'rejected') {
                <button mat-stroked-button type="button" (click)="decide(org, 'rejected')" [disabled]="busy()">{{ 'verification.reject' | transloco }}</button>
              }
            </mat-card-actions>
          }
        </mat-card>
      } @empty {
        <p>{{ 'verification.none' | transloco }}</p>
      }
    }
  `,
})
export class OrganizationsPage {
  private readonly api = inject(BureauApi);
  protected readonly filter = signal<VerificationState | ''>('pending');
  protected readonly orgs = rxResource({ params: () => this.filter(), stream: ({ params }) => this.api.organizations({ verification: params }) });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly notes: Record<string, string> = {};
  protected readonly language = inject(Language);
  private readonly confirm = inject(Confirm);
  private readonly feedback = inject(Feedback);
  private readonly transloco = inject(TranslocoService);

  /** Verifying is immediate; rejecting says what it means and needs a reason, which the company is told. */
  protected decide(org: OrganizationView, decision: 'verified' | 'rejected'): void {
    if (this.busy()) return;
    if (decision === 'verified') return this.send(org, decision, this.notes[org.id]?.trim() || undefined);
    this.confirm
      .ask({
        title: this.transloco.translate('verification.confirmReject.title'),
        consequences: [this.transloco.translate('verification.confirmReject.offers'), this.transloco.translate('verification.confirmReject.told')],
        confirm: this.transloco.translate('verification.reject'),
        reasonLabel: this.transloco.translate('verification.confirmReject.reason'),
        danger: true,
      })
      .subscribe((answer) => answer && this.send(org, decision, answer.reason));
  }

  private send(org: OrganizationView, decision: 'verified' | 'rejected', note?: string): void {
    this.busy.set(true);
    this.error.set('');
    this.api.verify(org.id, { decision, note }).subscribe({
      next: () => {
        this.busy.set(false);
        this.feedback.done(decision === 'verified' ? 'verification.verifiedDone' : 'verification.rejectedDone');
        this.orgs.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(errorText(e));
        this.feedback.failed(e);
      },
    });
  }
}
