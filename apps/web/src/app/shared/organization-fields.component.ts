import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, FormBuilder, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CooperationType, Language as ContentLanguage, Sector, SizeBand } from '@jinan/contracts';
import { COOPERATION_TYPES, LANGUAGES, SECTORS, SIZE_BANDS } from '@jinan/contracts/enums';

/** The controls of an organisation's profile, as the register and profile pages edit them. */
export type OrganizationFormGroup = FormGroup<{
  nameZh: FormControl<string>;
  nameJa: FormControl<string>;
  nameEn: FormControl<string>;
  sectors: FormControl<Sector[]>;
  cooperationTypes: FormControl<CooperationType[]>;
  languages: FormControl<ContentLanguage[]>;
  sizeBand: FormControl<SizeBand>;
  delegates: FormControl<number>;
  seeksJa: FormControl<string>;
  seeksEn: FormControl<string>;
}>;

/** An empty organisation form with the client-side rules (the server checks them again). */
export function organizationFormGroup(fb: FormBuilder, languages: ContentLanguage[] = []): OrganizationFormGroup {
  const nn = fb.nonNullable;
  return nn.group({
    nameZh: [''],
    nameJa: [''],
    nameEn: [''],
    sectors: nn.control<Sector[]>([], Validators.required),
    cooperationTypes: nn.control<CooperationType[]>([]),
    languages: nn.control<ContentLanguage[]>(languages, Validators.required),
    sizeBand: nn.control<SizeBand>('medium'),
    delegates: [1, [Validators.min(1), Validators.max(10)]],
    seeksJa: [''],
    seeksEn: [''],
  });
}

/**
 * The organisation's fields, placed inside the page's own form: the controls bind to the
 * enclosing form group (formGroupName or [formGroup]), so submitting, touching and the
 * server's field errors (applyFieldErrors) work as if the fields were the page's.
 */
@Component({
  selector: 'app-organization-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    <div class="row">
      @if (names() !== 'ja') {
        <mat-form-field>
          <mat-label>{{ 'fields.nameZh' | transloco }}</mat-label>
          <input matInput formControlName="nameZh" lang="zh-CN" />
          <mat-error>{{ group.controls.nameZh.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
        </mat-form-field>
      }
      @if (names() !== 'zh') {
        <mat-form-field>
          <mat-label>{{ 'fields.nameJa' | transloco }}</mat-label>
          <input matInput formControlName="nameJa" lang="ja" />
          <mat-error>{{ group.controls.nameJa.errors?.['server'] ?? ('errors.required' | transloco) }}</mat-error>
        </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ 'fields.nameEn' | transloco }}</mat-label>
        <input matInput formControlName="nameEn" lang="en" />
        <mat-error>{{ group.controls.nameEn.errors?.['server'] }}</mat-error>
      </mat-form-field>
    </div>
    <div class="row">
      <mat-form-field>
        <mat-label>{{ 'fields.sectors' | transloco }}</mat-label>
        <mat-select formControlName="sectors" multiple required>
          @for (s of sectors; track s) {
            <mat-option [value]="s">{{ 'sector.' + s | transloco }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ group.controls.sectors.errors?.['server'] ?? ('errors.pickOne' | transloco) }}</mat-error>
      </mat-form-field>
      @if (profileFields()) {
        <mat-form-field>
          <mat-label>{{ 'fields.cooperationTypes' | transloco }}</mat-label>
          <mat-select formControlName="cooperationTypes" multiple>
            @for (t of types; track t) {
              <mat-option [value]="t">{{ 'cooperation.' + t | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    </div>
    <div class="row">
      <mat-form-field>
        <mat-label>{{ 'fields.languages' | transloco }}</mat-label>
        <mat-select formControlName="languages" multiple required>
          @for (l of languages; track l) {
            <mat-option [value]="l">{{ 'language.' + l | transloco }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ group.controls.languages.errors?.['server'] ?? ('errors.pickOne' | transloco) }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.sizeBand' | transloco }}</mat-label>
        <mat-select formControlName="sizeBand" required>
          @for (s of sizeBands; track s) {
            <mat-option [value]="s">{{ 'size.' + s | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.delegates' | transloco }}</mat-label>
        <input matInput formControlName="delegates" type="number" min="1" max="10" />
        <mat-hint>{{ 'fields.delegatesHint' | transloco }}</mat-hint>
        <mat-error>{{ group.controls.delegates.errors?.['server'] }}</mat-error>
      </mat-form-field>
    </div>
    @if (seeks()) {
      <mat-form-field>
        <mat-label>{{ 'fields.seeksJa' | transloco }}</mat-label>
        <textarea matInput formControlName="seeksJa" lang="ja" rows="3"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.seeksEn' | transloco }}</mat-label>
        <textarea matInput formControlName="seeksEn" lang="en" rows="2"></textarea>
      </mat-form-field>
    }
  `,
})
export class OrganizationFieldsComponent {
  /** Which native name to ask for: 'zh' (a Ji'nan company registering), 'ja' (a Japanese firm registering) or 'all' (editing). */
  readonly names = input<'zh' | 'ja' | 'all'>('all');
  /** Cooperation types sought (the profile page; registration keeps to the essentials). */
  readonly profileFields = input(false);
  /** What the firm seeks (Japanese firms' profile). */
  readonly seeks = input(false);

  private readonly container = inject(ControlContainer);
  protected readonly sectors = SECTORS;
  protected readonly types = COOPERATION_TYPES;
  protected readonly languages = LANGUAGES;
  protected readonly sizeBands = SIZE_BANDS;

  protected get group(): OrganizationFormGroup {
    return this.container.control as OrganizationFormGroup;
  }
}
