import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale, ParticipationView } from '@jinan/contracts';
import { LOCALES } from '@jinan/contracts/enums';
import { applyFieldErrors, errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { Session } from '../core/session';
import { USER_ZONES } from '../core/time-zones';
import { OrganizationFieldsComponent, organizationFormGroup } from '../shared/organization-fields.component';
import { ZonedTimePipe } from '../shared/zoned-time';
import { PrivacySection } from './privacy-section';
import { ProfileApi } from './profile.api';

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文（简体）', ja: '日本語', en: 'English' };

@Component({
  selector: 'app-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    TranslocoPipe,
    ZonedTimePipe,
    OrganizationFieldsComponent,
    PrivacySection,
  ],
  template: `
    <h1>{{ 'profile.title' | transloco }}</h1>
    <mat-card appearance="outlined">
      <mat-card-header
        ><mat-card-title>{{ 'profile.me' | transloco }}</mat-card-title></mat-card-header
      >
      <mat-card-content>
        <form [formGroup]="me" (ngSubmit)="saveMe()" class="stack" novalidate>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.fullName' | transloco }}</mat-label>
              <input matInput formControlName="fullName" required />
              <mat-error>{{ me.controls.fullName.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.phone' | transloco }}</mat-label>
              <input matInput formControlName="phone" type="tel" />
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'profile.language' | transloco }}</mat-label>
              <mat-select formControlName="locale">
                @for (l of locales; track l) {
                  <mat-option [value]="l" [attr.lang]="l">{{ localeName(l) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'profile.timeZone' | transloco }}</mat-label>
              <mat-select formControlName="timeZone">
                @for (z of zones; track z) {
                  <mat-option [value]="z">{{ 'zones.' + z | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          @if (meMessage()) {
            <p role="status" [class.form-error]="meFailed()">{{ meMessage() }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit">{{ 'common.save' | transloco }}</button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>

    @if (session.user()?.organizationId) {
      <mat-card appearance="outlined">
        <mat-card-header
          ><mat-card-title>{{ 'profile.organization' | transloco }}</mat-card-title></mat-card-header
        >
        <mat-card-content>
          <form [formGroup]="org" (ngSubmit)="saveOrg()" class="stack" novalidate>
            <app-organization-fields [profileFields]="true" [seeks]="session.role() === 'jp'" />
            @if (orgMessage()) {
              <p role="status" [class.form-error]="orgFailed()">{{ orgMessage() }}</p>
            }
            <div class="actions">
              <button mat-flat-button type="submit">{{ 'common.save' | transloco }}</button>
            </div>
          </form>
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined">
        <mat-card-header
          ><mat-card-title>{{ 'profile.availability' | transloco }}</mat-card-title></mat-card-header
        >
        <mat-card-content>
          @if (participation(); as p) {
            <p class="muted">{{ 'profile.availabilityHint' | transloco }}</p>
            <div class="stack">
              @for (h of p.halfDays; track h.startsAt; let i = $index) {
                <mat-checkbox [checked]="h.attending" (change)="toggleHalfDay(i, $event.checked)" data-half-day>
                  {{ h.startsAt | zonedTime: editionZone() : 'day' : language.current() }}
                  {{ h.startsAt | zonedTime: editionZone() : 'time' : language.current() }}–{{
                    h.endsAt | zonedTime: editionZone() : 'time' : language.current()
                  }}
                  ({{ 'zones.' + editionZone() | transloco }})
                </mat-checkbox>
              }
              @if (p.siteVisit) {
                <mat-checkbox [checked]="p.joinsSiteVisit" (change)="toggleVisit($event.checked)">
                  {{ 'profile.siteVisit' | transloco }} · {{ p.siteVisit.startsAt | zonedTime: editionZone() : 'day' : language.current() }}
                  {{ p.siteVisit.startsAt | zonedTime: editionZone() : 'time' : language.current() }}–{{
                    p.siteVisit.endsAt | zonedTime: editionZone() : 'time' : language.current()
                  }}
                </mat-checkbox>
              }
            </div>
            @if (availabilityMessage()) {
              <p role="status">{{ availabilityMessage() }}</p>
            }
            @if (askNoHalfDay()) {
              <p role="alert" class="form-error" data-no-half-day>{{ 'attendance.noHalfDay' | transloco }}</p>
              <div class="actions">
                <button mat-flat-button type="button" (click)="saveAvailability(p, true)" data-save-anyway>{{ 'attendance.saveAnyway' | transloco }}</button>
                <button mat-button type="button" (click)="askNoHalfDay.set(false)" data-no-half-day-back>{{ 'attendance.back' | transloco }}</button>
              </div>
            } @else {
              <div class="actions">
                <button mat-flat-button type="button" (click)="saveAvailability(p)" data-save-availability>{{ 'common.save' | transloco }}</button>
              </div>
            }
          } @else {
            <p class="muted">{{ 'profile.noEdition' | transloco }}</p>
          }
        </mat-card-content>
      </mat-card>
    }
    <app-privacy-section />
  `,
})
export class ProfilePage {
  private readonly api = inject(ProfileApi);
  protected readonly session = inject(Session);
  protected readonly language = inject(Language);
  private readonly edition = inject(CurrentEdition);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly locales = LOCALES;
  protected readonly zones = USER_ZONES;

  protected readonly me = this.fb.group({
    fullName: ['', Validators.required],
    phone: [''],
    locale: this.fb.control<Locale>(this.language.current()),
    timeZone: ['Asia/Shanghai'],
  });
  protected readonly org = organizationFormGroup(inject(FormBuilder));
  protected readonly meMessage = signal('');
  protected readonly meFailed = signal(false);
  protected readonly orgMessage = signal('');
  protected readonly orgFailed = signal(false);
  protected readonly availabilityMessage = signal('');
  protected readonly editionZone = () => this.edition.summary()?.timeZone ?? 'Asia/Shanghai';

  private readonly participationResource = rxResource({
    params: () => {
      const editionId = this.edition.summary()?.id;
      const organizationId = this.session.user()?.organizationId;
      return editionId && organizationId ? { editionId, organizationId } : undefined;
    },
    stream: ({ params }) => this.api.participation(params.editionId, params.organizationId),
  });
  protected readonly participation = signal<ParticipationView | null>(null);

  constructor() {
    this.api.me().subscribe((me) => this.me.reset({ fullName: me.fullName, phone: me.phone ?? '', locale: me.locale, timeZone: me.timeZone }));
    const orgId = this.session.user()?.organizationId;
    if (orgId) {
      this.api.organization(orgId).subscribe((o) =>
        this.org.reset({
          nameZh: o.nameZh ?? '',
          nameJa: o.nameJa ?? '',
          nameEn: o.nameEn ?? '',
          sectors: o.sectors,
          cooperationTypes: o.cooperationTypes,
          languages: o.languages,
          sizeBand: o.sizeBand,
          delegates: o.delegates,
          seeksJa: o.seeksJa ?? '',
          seeksEn: o.seeksEn ?? '',
        }),
      );
    }
    effect(() => this.participation.set(this.participationResource.value() ?? null));
  }

  protected localeName(locale: Locale): string {
    return LOCALE_NAMES[locale];
  }

  protected saveMe(): void {
    if (this.me.invalid) return this.me.markAllAsTouched();
    const v = this.me.getRawValue();
    this.api.updateMe({ fullName: v.fullName, phone: v.phone, locale: v.locale, timeZone: v.timeZone }).subscribe({
      next: (me) => {
        this.session.updateUser({ locale: me.locale, timeZone: me.timeZone });
        this.language.use(me.locale, 'browser');
        this.meFailed.set(false);
        this.meMessage.set('✓');
      },
      error: (e: unknown) => {
        this.meFailed.set(true);
        this.meMessage.set(applyFieldErrors(this.me, e));
      },
    });
  }

  protected saveOrg(): void {
    const orgId = this.session.user()?.organizationId;
    if (!orgId) return;
    if (this.org.invalid) return this.org.markAllAsTouched();
    const v = this.org.getRawValue();
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    this.api
      .updateOrganization(orgId, {
        ...v,
        nameZh: text(v.nameZh),
        nameJa: text(v.nameJa),
        nameEn: text(v.nameEn),
        seeksJa: text(v.seeksJa),
        seeksEn: text(v.seeksEn),
      })
      .subscribe({
        next: () => {
          this.orgFailed.set(false);
          this.orgMessage.set('✓');
        },
        error: (e: unknown) => {
          this.orgFailed.set(true);
          this.orgMessage.set(applyFieldErrors(this.org, e));
        },
      });
  }

  protected toggleHalfDay(index: number, attending: boolean): void {
    this.participation.update((p) => p && { ...p, halfDays: p.halfDays.map((h, i) => (i === index ? { ...h, attending } : h)) });
  }

  protected toggleVisit(joins: boolean): void {
    this.participation.update((p) => p && { ...p, joinsSiteVisit: joins });
  }

  /** Saving with no half-day ticked means no meeting can be placed: ask first. */
  protected readonly askNoHalfDay = signal(false);

  protected saveAvailability(p: ParticipationView, confirmed = false): void {
    if (!confirmed && !p.halfDays.some((h) => h.attending)) {
      this.askNoHalfDay.set(true);
      return;
    }
    this.askNoHalfDay.set(false);
    this.api
      .updateParticipation(p.editionId, p.organizationId, {
        halfDays: p.halfDays.map((h) => ({ startsAt: h.startsAt, attending: h.attending })),
        joinsSiteVisit: p.joinsSiteVisit,
      })
      .subscribe({
        next: (saved) => {
          this.participation.set(saved);
          this.availabilityMessage.set('✓');
        },
        error: (e: unknown) => this.availabilityMessage.set(errorText(e)),
      });
  }
}
