import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { applyFieldErrors } from '../core/api-error';
import { AuthApi } from './auth.api';

/** The page a reset link opens (/reset-password?token=…): choose a new password. */
@Component({
  selector: 'app-reset-password-page',
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
    <h1>{{ 'passwordReset.confirmTitle' | transloco }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        @if (done()) {
          <p role="status">{{ 'passwordReset.done' | transloco }}</p>
          <a mat-flat-button routerLink="/login">{{ 'login.submit' | transloco }}</a>
        } @else if (!token()) {
          <p role="alert">{{ 'passwordReset.invalidLink' | transloco }}</p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
            <mat-form-field>
              <mat-label>{{ 'passwordReset.newPassword' | transloco }}</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" required />
              <mat-hint>{{ 'register.passwordHint' | transloco }}</mat-hint>
              <mat-error>{{ form.controls.password.errors?.['server'] ?? ('register.passwordHint' | transloco) }}</mat-error>
            </mat-form-field>
            @if (error()) {
              <p class="form-error" role="alert">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'passwordReset.confirmSubmit' | transloco }}</button>
          </form>
        }
      </mat-card-content>
    </mat-card>
    <p>
      <a routerLink="/forgot-password">{{ 'passwordReset.askAgain' | transloco }}</a>
    </p>
  `,
})
export class ResetPasswordPage {
  /** From the link's query (?token=…), bound by the router. */
  readonly token = input<string>();
  private readonly api = inject(AuthApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ password: ['', [Validators.required, Validators.minLength(8)]] });
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal('');

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api.confirmPasswordReset({ token: this.token() ?? '', password: this.form.getRawValue().password }).subscribe({
      next: () => this.done.set(true),
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.form, e));
      },
    });
  }
}
