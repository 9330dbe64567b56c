import type { Language, Locale } from '@jinan/contracts';

/** Company-entered text in up to three languages, as the API returns it. */
export type LocalizedTexts = Partial<Record<Language, string | null | undefined>>;

export interface LocalizedChoice {
  text: string;
  lang: Language;
  /** True when the viewer's language was not given and another one is shown (label it). */
  fallback: boolean;
}

/** Native names used to label text shown in a language other than the viewer's. */
export const LANGUAGE_LABELS: Record<Language, string> = { zh: '中文', ja: '日本語', en: 'English' };

export function contentLanguage(locale: Locale | string): Language {
  return locale.startsWith('zh') ? 'zh' : locale === 'ja' ? 'ja' : 'en';
}

/**
 * The viewer's language when the author gave it, otherwise the author's own language
 * (`primary`: Chinese for offers of Ji'nan companies), otherwise whatever is there.
 */
export function pickLocalized(texts: LocalizedTexts, viewer: Language, primary: Language = 'zh'): LocalizedChoice | null {
  const order: Language[] = [viewer, primary, 'zh', 'ja', 'en'];
  for (const lang of order) {
    const text = texts[lang]?.trim();
    if (text) return { text, lang, fallback: lang !== viewer };
  }
  return null;
}
