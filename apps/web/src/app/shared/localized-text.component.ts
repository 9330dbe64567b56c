import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Language } from '@jinan/contracts';
import { Language as UiLanguage } from '../core/language';
import { LANGUAGE_LABELS, LocalizedTexts, pickLocalized } from './localized-text';

/** Shows company-entered text in the viewer's language, or labelled in the language given. */
@Component({
  selector: 'app-localized',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (choice(); as c) {
      <span [attr.lang]="c.lang === 'zh' ? 'zh-CN' : c.lang">{{ c.text }}</span>
      @if (c.fallback) {
        <span class="lang-tag" [attr.lang]="c.lang === 'zh' ? 'zh-CN' : c.lang">{{ label(c.lang) }}</span>
      }
    } @else {
      <span class="muted">—</span>
    }`,
})
export class LocalizedTextComponent {
  readonly texts = input.required<LocalizedTexts>();
  readonly primary = input<Language>('zh');
  private readonly language = inject(UiLanguage);

  protected readonly choice = computed(() => pickLocalized(this.texts(), this.language.content(), this.primary()));
  protected label(lang: Language): string {
    return LANGUAGE_LABELS[lang];
  }
}
