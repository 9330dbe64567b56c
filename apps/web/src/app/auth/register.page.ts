import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';
import type { RegisterDto } from '@jinan/contracts';
import { applyFieldErrors } from '../core/api-error';
import { Language } from '../core/language';
import { OrganizationFieldsComponent, organizationFormGroup } from '../shared/organization-fields.component';
import { AuthApi } from './auth.api';
import { SignIn } from './sign-in';

@Component({
  selector: 'app-register-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
    MatButtonToggleModule,
    RouterLink,
    TranslocoPipe,
    OrganizationFieldsComponent,
  ],
  styles: `
    :host {
      display: block;
      max-width: 720px;
      margin: 0 auto;
    }
  `,
  template: `
    <h1>{{ 'register.title' | transloco }}</h1>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-card appearance="outlined">
        <mat-card-content class="stack">
          <span id="role-label">{{ 'register.iAm' | transloco }}</span>
          <mat-button-toggle-group formControlName="role" aria-labelledby="role-label" class="role-toggle">
            <mat-button-toggle value="jp">{{ 'register.jp' | transloco }}</mat-button-toggle>
            <mat-button-toggle value="cn">{{ 'register.cn' | transloco }}</mat-button-toggle>
          </mat-button-toggle-group>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.email' | transloco }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="email" required />
              <mat-error>{{ form.controls.email.errors?.['server'] ?? ('errors.email' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.password' | transloco }}</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" required />
              <mat-hint>{{ 'register.passwordHint' | transloco }}</mat-hint>
              <mat-error>{{ form.controls.password.errors?.['server'] ?? ('register.passwordHint' | transloco) }}</mat-error>
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.fullName' | transloco }}</mat-label>
              <input matInput formControlName="fullName" autocomplete="name" required />
              <mat-error>{{ form.controls.fullName.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.phone' | transloco }}</mat-label>
              <input matInput formControlName="phone" type="tel" autocomplete="tel" />
            </mat-form-field>
          </div>
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined" formGroupName="organization">
        <mat-card-header
          ><mat-card-title>{{ 'register.organization' | transloco }}</mat-card-title></mat-card-header
        >
        <mat-card-content class="stack">
          <app-organization-fields [names]="role() === 'cn' ? 'zh' : 'ja'" />
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined" formGroupName="consent">
        <mat-card-content class="stack">
          <mat-checkbox formControlName="shareProfile">{{ 'register.consentProfile' | transloco }}</mat-checkbox>
          @if (form.controls.consent.controls.shareProfile.touched && form.controls.consent.controls.shareProfile.invalid) {
            <span class="form-error">{{ 'register.consentRequired' | transloco }}</span>
          }
          <mat-checkbox formControlName="shareContactWithAcceptedCounterparts">{{ 'register.consentContact' | transloco }}</mat-checkbox>
        </mat-card-content>
      </mat-card>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
      <div class="actions" style="margin-top: 12px">
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'register.submit' | transloco }}</button>
        <a mat-button routerLink="/login">{{ 'register.haveAccount' | transloco }}</a>
      </div>
    </form>
  `,
})
export class RegisterPage {
  private readonly api = inject(AuthApi);
  private readonly signIn = inject(SignIn);
  private readonly language = inject(Language);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly form = this.fb.group({
    role: this.fb.control<'jp' | 'cn'>('jp'),
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(8)]],
    fullName: ['', Validators.required],
    phone: [''],
    organization: organizationFormGroup(inject(FormBuilder), ['ja']),
    consent: this.fb.group({
      shareProfile: [false, Validators.requiredTrue],
      shareContactWithAcceptedCounterparts: [true],
    }),
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly nativeName = computed(() => (this.role() === 'cn' ? 'nameZh' : 'nameJa'));

  constructor() {
    // A Japanese firm registers by default: its Japanese name is the required one.
    this.form.controls.organization.controls.nameJa.setValidators(Validators.required);
    this.form.controls.organization.controls.nameJa.updateValueAndValidity();
    this.form.controls.role.valueChanges.subscribe((role) => {
      const org = this.form.controls.organization.controls;
      // The native-language name is the required one: Chinese for Ji'nan, Japanese for Japan.
      org.nameZh.setValidators(role === 'cn' ? Validators.required : null);
      org.nameJa.setValidators(role === 'jp' ? Validators.required : null);
      org.nameZh.updateValueAndValidity();
      org.nameJa.updateValueAndValidity();
      org.languages.setValue([role === 'cn' ? 'zh' : 'ja']);
    });
  }

  protected submit(): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const native = this.nativeName();
    const dto: RegisterDto = {
      email: v.email,
      password: v.password,
      fullName: v.fullName,
      role: v.role,
      phone: v.phone || undefined,
      locale: this.language.current(),
      timeZone: v.role === 'jp' ? 'Asia/Tokyo' : 'Asia/Shanghai',
      consent: v.consent,
      organization: {
        [native]: v.organization[native],
        nameEn: v.organization.nameEn || undefined,
        sectors: v.organization.sectors,
        sizeBand: v.organization.sizeBand,
        languages: v.organization.languages,
        delegates: v.organization.delegates,
      },
    };
    this.busy.set(true);
    this.error.set('');
    // Registration answers alike whether or not the e-mail was new (so it tells no one
    // which addresses have accounts); logging in with the same credentials tells us.
    this.api
      .register(dto)
      .pipe(switchMap(() => this.api.login({ email: dto.email, password: dto.password })))
      .subscribe({
        next: (response) => this.signIn.complete(response),
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(e instanceof HttpErrorResponse && e.status === 401 ? this.transloco.translate('register.checkMail') : applyFieldErrors(this.form, e));
        },
      });
  }
}
