import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ConsentView, PersonalDataExport } from '@jinan/contracts';
import { applyFieldErrors, errorText } from '../core/api-error';
import { Session } from '../core/session';

/** The person's data rights on their profile page (PIPL / APPI): consent, a copy of their data, erasure. */
@Component({
  selector: 'app-privacy-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslocoPipe],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header
        ><mat-card-title>{{ 'privacy.title' | transloco }}</mat-card-title></mat-card-header
      >
      <mat-card-content class="stack">
        @if (consent.value(); as c) {
          <mat-checkbox [checked]="c.shareContactWithAcceptedCounterparts" (change)="setContactConsent($event.checked)">{{
            'register.consentContact' | transloco
          }}</mat-checkbox>
        }
        <div>
          <button mat-stroked-button type="button" (click)="download()">{{ 'privacy.download' | transloco }}</button>
        </div>
        <form [formGroup]="erase" (ngSubmit)="eraseAccount()" class="stack" novalidate>
          <p>{{ 'privacy.eraseHint' | transloco }}</p>
          <mat-form-field>
            <mat-label>{{ 'fields.password' | transloco }}</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="current-password" required />
            <mat-error>{{ erase.controls.password.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
          </mat-form-field>
          @if (error()) {
            <p class="form-error" role="alert">{{ error() }}</p>
          }
          <button mat-flat-button color="warn" type="submit" [disabled]="busy()">{{ 'privacy.erase' | transloco }}</button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class PrivacySection {
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly consent = rxResource({ stream: () => this.http.get<ConsentView>('/api/me/consent') });
  protected readonly erase = inject(FormBuilder).nonNullable.group({ password: ['', Validators.required] });
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected setContactConsent(value: boolean): void {
    this.http.patch<ConsentView>('/api/me/consent', { shareContactWithAcceptedCounterparts: value }).subscribe({
      next: (c) => this.consent.set(c),
      error: (e: unknown) => this.error.set(errorText(e)),
    });
  }

  protected download(): void {
    this.http.get<PersonalDataExport>('/api/me/data').subscribe({
      next: (data) => {
        const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = 'my-data.json';
        a.click();
        URL.revokeObjectURL(url);
      },
      error: (e: unknown) => this.error.set(errorText(e)),
    });
  }

  protected eraseAccount(): void {
    if (this.erase.invalid) {
      this.erase.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.http.delete<void>('/api/me', { body: this.erase.getRawValue() }).subscribe({
      next: () => {
        this.session.end();
        void this.router.navigate(['/login']);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.erase, e));
      },
    });
  }
}
