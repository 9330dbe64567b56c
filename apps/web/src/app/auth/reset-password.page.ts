import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi } from './auth.api';
import { AuthFormComponent, FormSubmission } from './auth-form';

/** The page a reset link opens (/reset-password?token=…): choose a new password. */
@Component({
  selector: 'app-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, TranslocoPipe, AuthFormComponent],
  template: `
    <app-auth-form [heading]="'passwordReset.confirmTitle' | transloco">
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
          @if (submission.error()) {
            <p class="form-error" role="alert">{{ submission.error() }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="submission.busy()">{{ 'passwordReset.confirmSubmit' | transloco }}</button>
        </form>
      }
      <p links>
        <a routerLink="/forgot-password">{{ 'passwordReset.askAgain' | transloco }}</a>
      </p>
    </app-auth-form>
  `,
})
export class ResetPasswordPage {
  /** From the link's query (?token=…), bound by the router. */
  readonly token = input<string>();
  private readonly api = inject(AuthApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ password: ['', [Validators.required, Validators.minLength(8)]] });
  protected readonly done = signal(false);
  protected readonly submission = new FormSubmission();

  protected submit(): void {
    this.submission.submit(
      this.form,
      () => this.api.confirmPasswordReset({ token: this.token() ?? '', password: this.form.getRawValue().password }),
      () => this.done.set(true),
    );
  }
}
