import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthApi } from './auth.api';
import { AuthFormComponent, FormSubmission } from './auth-form';
import { SignIn } from './sign-in';

@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, TranslocoPipe, AuthFormComponent],
  template: `
    <app-auth-form [heading]="'login.title' | transloco">
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
        @if (submission.error()) {
          <p class="form-error" role="alert">{{ submission.error() }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="submission.busy()">{{ 'login.submit' | transloco }}</button>
      </form>
      <ng-container ngProjectAs="[links]">
        <p>
          <a routerLink="/forgot-password">{{ 'login.forgot' | transloco }}</a>
        </p>
        <p>
          {{ 'login.noAccount' | transloco }} <a routerLink="/register">{{ 'login.register' | transloco }}</a>
        </p>
      </ng-container>
    </app-auth-form>
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
  protected readonly submission = new FormSubmission();

  protected submit(): void {
    this.submission.submit(
      this.form,
      () => this.api.login(this.form.getRawValue()),
      (response) => this.signIn.complete(response, this.returnUrl()),
    );
  }
}
