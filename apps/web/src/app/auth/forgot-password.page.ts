import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi } from './auth.api';
import { AuthFormComponent, FormSubmission } from './auth-form';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
@Component({
  selector: 'app-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, TranslocoPipe, AuthFormComponent],
  template: `
    <app-auth-form [heading]="'passwordReset.requestTitle' | transloco">
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
          @if (submission.error()) {
            <p class="form-error" role="alert">{{ submission.error() }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="submission.busy()">{{ 'passwordReset.requestSubmit' | transloco }}</button>
        </form>
      }
      <p links>
        <a routerLink="/login">{{ 'passwordReset.backToLogin' | transloco }}</a>
      </p>
    </app-auth-form>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly sent = signal(false);
  protected readonly submission = new FormSubmission();

  protected submit(): void {
    this.submission.submit(
      this.form,
      () => this.api.requestPasswordReset(this.form.getRawValue()),
      () => this.sent.set(true),
    );
  }
}
