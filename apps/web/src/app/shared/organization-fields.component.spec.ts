import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { OrganizationFieldsComponent, organizationFormGroup } from './organization-fields.component';

/** A page like the register page: the fields inside its own form, under formGroupName. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, OrganizationFieldsComponent],
  template: `
    <form [formGroup]="form">
      <div formGroupName="organization">
        <app-organization-fields [names]="names()" [profileFields]="profile()" [seeks]="profile()" />
      </div>
    </form>
  `,
})
class HostPage {
  readonly form = inject(FormBuilder).group({ organization: organizationFormGroup(inject(FormBuilder), ['ja']) });
  readonly names = signal<'zh' | 'ja' | 'all'>('ja');
  readonly profile = signal(false);
}

async function render() {
  TestBed.configureTestingModule({
    imports: [HostPage, TranslocoTestingModule.forRoot({ langs: { en: {} }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' } })],
  });
  const fixture = TestBed.createComponent(HostPage);
  await fixture.whenStable();
  const names = () => [...fixture.nativeElement.querySelectorAll('[formcontrolname]')].map((e: Element) => e.getAttribute('formcontrolname'));
  return { fixture, host: fixture.componentInstance, names };
}

describe('the organisation fields shared by the register and profile pages', () => {
  it('registration: the native name for the role, English name, sectors, languages, size, delegates', async () => {
    const { fixture, host, names } = await render();
    expect(names()).toEqual(['nameJa', 'nameEn', 'sectors', 'languages', 'sizeBand', 'delegates']);
    host.names.set('zh');
    await fixture.whenStable();
    expect(names()).toEqual(['nameZh', 'nameEn', 'sectors', 'languages', 'sizeBand', 'delegates']);
  });

  it('profile: all three names, cooperation types and what the firm seeks', async () => {
    const { fixture, host, names } = await render();
    host.names.set('all');
    host.profile.set(true);
    await fixture.whenStable();
    expect(names()).toEqual(['nameZh', 'nameJa', 'nameEn', 'sectors', 'cooperationTypes', 'languages', 'sizeBand', 'delegates', 'seeksJa', 'seeksEn']);
  });

  it("binds to the page's own form group: typing fills the page's controls", async () => {
    const { fixture, host } = await render();
    const input: HTMLInputElement = fixture.nativeElement.querySelector('input[formcontrolname=nameEn]');
    input.value = 'Sumitomo';
    input.dispatchEvent(new Event('input'));
    expect(host.form.controls.organization.controls.nameEn.value).toBe('Sumitomo');
    expect(host.form.controls.organization.controls.sectors.hasError('required')).toBe(true);
    expect(host.form.controls.organization.controls.languages.value).toEqual(['ja']);
  });
});
