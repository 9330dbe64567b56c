import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperationType, CreateOfferDto, Sector } from '@jinan/contracts';
import { COOPERATION_TYPES, SECTORS } from '@jinan/contracts/enums';
import { applyFieldErrors } from '../core/api-error';
import { OffersApi } from './offers.api';
import { Feedback } from '../shared/feedback';
import { switchMap } from 'rxjs';

/** An offer is written in Chinese and summarised in Japanese or English for the other side. */
function foreignSummary(group: AbstractControl): ValidationErrors | null {
  const v = group.value as { titleJa: string; titleEn: string; summaryJa: string; summaryEn: string };
  const ja = v.titleJa.trim() && v.summaryJa.trim();
  const en = v.titleEn.trim() && v.summaryEn.trim();
  return ja || en ? null : { foreignSummary: true };
}

@Component({
  selector: 'app-offer-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, RouterLink, TranslocoPipe],
  // The Chinese fields stand alone in the column: full width, aligned with the rows below.
  styles: `
    .stack > mat-form-field {
      width: 100%;
    }
  `,
  template: `
    <h1>{{ (id() ? 'offers.editTitle' : 'offers.newTitle') | transloco }}</h1>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-card appearance="outlined">
        <mat-card-content class="stack">
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.sector' | transloco }}</mat-label>
              <mat-select formControlName="sector" required>
                @for (s of sectors; track s) {
                  <mat-option [value]="s">{{ 'sector.' + s | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.cooperationType' | transloco }}</mat-label>
              <mat-select formControlName="cooperationType" required>
                @for (t of types; track t) {
                  <mat-option [value]="t">{{ 'cooperation.' + t | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          <h2>
            中文 <span class="muted">({{ 'offers.required' | transloco }})</span>
          </h2>
          <mat-form-field>
            <mat-label>{{ 'fields.titleZh' | transloco }}</mat-label>
            <input matInput formControlName="titleZh" lang="zh-CN" required />
            <mat-error>{{ form.controls.titleZh.errors?.['server'] ?? ('errors.min2' | transloco) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'fields.summaryZh' | transloco }}</mat-label>
            <textarea matInput formControlName="summaryZh" lang="zh-CN" rows="4" required></textarea>
            <mat-error>{{ form.controls.summaryZh.errors?.['server'] ?? ('errors.min2' | transloco) }}</mat-error>
          </mat-form-field>
          <h2>日本語 / English</h2>
          <p class="muted">{{ 'offers.foreignHint' | transloco }}</p>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.titleJa' | transloco }}</mat-label>
              <input matInput formControlName="titleJa" lang="ja" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.titleEn' | transloco }}</mat-label>
              <input matInput formControlName="titleEn" lang="en" />
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.summaryJa' | transloco }}</mat-label>
              <textarea matInput formControlName="summaryJa" lang="ja" rows="3"></textarea>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.summaryEn' | transloco }}</mat-label>
              <textarea matInput formControlName="summaryEn" lang="en" rows="3"></textarea>
            </mat-form-field>
          </div>
          @if (form.errors?.['foreignSummary'] && form.touched) {
            <p class="form-error" role="alert">{{ 'offers.foreignRequired' | transloco }}</p>
          }
          <mat-form-field>
            <mat-label>{{ 'fields.partnerSought' | transloco }}</mat-label>
            <textarea matInput formControlName="partnerSought" rows="2"></textarea>
          </mat-form-field>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'fields.investmentMin' | transloco }}</mat-label>
              <input matInput formControlName="investmentMinMcny" type="number" min="0" />
              <mat-error>{{ form.controls.investmentMinMcny.errors?.['server'] }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'fields.investmentMax' | transloco }}</mat-label>
              <input matInput formControlName="investmentMaxMcny" type="number" min="0" />
              <mat-error>{{ form.controls.investmentMaxMcny.errors?.['server'] }}</mat-error>
            </mat-form-field>
          </div>
        </mat-card-content>
      </mat-card>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
      <div class="actions" style="margin-top: 12px">
        <!-- Labelled by what each does: saving keeps a draft only the company sees; publishing shows it to Japanese firms. -->
        <button mat-stroked-button type="submit" [disabled]="busy()">{{ 'offers.saveDraft' | transloco }}</button>
        @if (!id()) {
          <button mat-flat-button type="button" data-test="save-publish" [disabled]="busy()" (click)="save(true)">
            {{ 'offers.saveAndPublish' | transloco }}
          </button>
        }
        <a mat-button routerLink="/offers">{{ 'common.cancel' | transloco }}</a>
      </div>
    </form>
  `,
})
export class OfferFormPage {
  /** Set when editing (route parameter). */
  readonly id = input<string>();
  private readonly api = inject(OffersApi);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly sectors = SECTORS;
  protected readonly types = COOPERATION_TYPES;
  protected readonly form = this.fb.group(
    {
      sector: this.fb.control<Sector>('health'),
      cooperationType: this.fb.control<CooperationType>('investment'),
      titleZh: ['', [Validators.required, Validators.minLength(2)]],
      titleJa: [''],
      titleEn: [''],
      summaryZh: ['', [Validators.required, Validators.minLength(2)]],
      summaryJa: [''],
      summaryEn: [''],
      partnerSought: [''],
      investmentMinMcny: this.fb.control<number | null>(null),
      investmentMaxMcny: this.fb.control<number | null>(null),
    },
    { validators: foreignSummary },
  );
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly feedback = inject(Feedback);

  constructor() {
    effect(() => {
      const id = this.id();
      if (!id) return;
      this.api.get(id).subscribe((offer) =>
        this.form.reset({
          ...offer,
          titleJa: offer.titleJa ?? '',
          titleEn: offer.titleEn ?? '',
          summaryJa: offer.summaryJa ?? '',
          summaryEn: offer.summaryEn ?? '',
          partnerSought: offer.partnerSought ?? '',
        }),
      );
    });
  }

  protected save(publish = false): void {
    // One request at a time: a double-click must not send it twice.
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    const dto: CreateOfferDto = {
      sector: v.sector,
      cooperationType: v.cooperationType,
      titleZh: v.titleZh.trim(),
      summaryZh: v.summaryZh.trim(),
      titleJa: optional(v.titleJa),
      titleEn: optional(v.titleEn),
      summaryJa: optional(v.summaryJa),
      summaryEn: optional(v.summaryEn),
      partnerSought: optional(v.partnerSought),
      investmentMinMcny: v.investmentMinMcny ?? undefined,
      investmentMaxMcny: v.investmentMaxMcny ?? undefined,
    };
    const id = this.id();
    this.busy.set(true);
    this.error.set('');
    const saved = id ? this.api.update(id, dto) : this.api.create(dto);
    (publish ? saved.pipe(switchMap((offer) => this.api.transition(offer.id, 'publish'))) : saved).subscribe({
      next: () => {
        this.feedback.done(publish ? 'offers.publishedDone' : 'offers.savedDone');
        void this.router.navigate(['/offers']);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(this.form, e));
      },
    });
  }
}
