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
import { SignIn } from './sign-in';

@Component({
  selector: 'app-login-page',
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
    <h1>{{ 'login.title' | transloco }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
          <mat-form-field>
            <mat-label>{{ 'fields.email' | transloco }}</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="username" required />
            <mat-error>{{ form.controls.email.errors?.['server'] ?? ('errors.email' | transloco) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'fields.password' | transloco }}</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="current-password" required />
            <mat-error>{{ form.controls.password.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
          </mat-form-field>
          @if (error()) {
            <p class="form-error" role="alert">{{ error() }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'login.submit' | transloco }}</button>
        </form>
      </mat-card-content>
    </mat-card>
    <p>
      <a routerLink="/forgot-password">{{ 'login.forgot' | transloco }}</a>
    </p>
    <p>
      {{ 'login.noAccount' | transloco }} <a routerLink="/register">{{ 'login.register' | transloco }}</a>
    </p>
  `,
})
export class LoginPage {
  readonly returnUrl = input<string>();
  private readonly api = inject(AuthApi);
  private readonly signIn = inject(SignIn);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected submit(): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api.login(this.form.getRawValue()).subscribe({
      next: (response) => this.signIn.complete(response, this.returnUrl()),
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.form, e));
      },
    });
  }
}
