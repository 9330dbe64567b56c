import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { applyFieldErrors } from '../core/api-error';
import { AuthApi } from './auth.api';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
@Component({
  selector: 'app-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, TranslocoPipe],
  styles: `
    :host {
      display: block;
      max-width: 420px;
      margin: 24px auto;
    }
  `,
  template: `
    <h1>{{ 'passwordReset.requestTitle' | transloco }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        @if (sent()) {
          <p role="status">{{ 'passwordReset.sent' | transloco }}</p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
            <p>{{ 'passwordReset.requestHint' | transloco }}</p>
            <mat-form-field>
              <mat-label>{{ 'fields.email' | transloco }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{ form.controls.email.errors?.['server'] ?? ('errors.email' | transloco) }}</mat-error>
            </mat-form-field>
            @if (error()) {
              <p class="form-error" role="alert">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'passwordReset.requestSubmit' | transloco }}</button>
          </form>
        }
      </mat-card-content>
    </mat-card>
    <p>
      <a routerLink="/login">{{ 'passwordReset.backToLogin' | transloco }}</a>
    </p>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal('');

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api.requestPasswordReset(this.form.getRawValue()).subscribe({
      next: () => this.sent.set(true),
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.form, e));
      },
    });
  }
}
