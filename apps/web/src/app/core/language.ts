import { HttpClient } from '@angular/common/http';
import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { Translation, TranslocoLoader, TranslocoService } from '@jsverse/transloco';
import type { Locale, MeView } from '@jinan/contracts';
import { LOCALES } from '@jinan/contracts/enums';
import { contentLanguage } from '../shared/localized-text';
import { Session } from './session';

const STORAGE_KEY = 'jinan.locale';

/** Translation files are static assets, fetched when a language is first used. */
@Injectable({ providedIn: 'root' })
export class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(locale: string) {
    return this.http.get<Translation>(`/i18n/${locale}.json`);
  }
}

/** The locale at start: the signed-in user's, else the last one chosen here, else the browser's. */
export function initialLocale(): Locale {
  const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
  try {
    const session = JSON.parse(localStorage.getItem('jinan.session') ?? 'null') as { user?: { locale?: string } } | null;
    if (isLocale(session?.user?.locale)) return session.user.locale;
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Unreadable storage: fall through to the browser's language.
  }
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return browser.startsWith('zh') ? 'zh-CN' : browser.startsWith('ja') ? 'ja' : 'en';
}

/** Switches the UI language in place and remembers it (this browser, and the user's account). */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);
  private readonly document = inject(DOCUMENT);

  readonly current = signal<Locale>(this.transloco.getActiveLang() as Locale);
  /** The language of company-entered text that matches the UI language. */
  readonly content = computed(() => contentLanguage(this.current()));

  use(locale: Locale, remember: 'account' | 'browser' = 'account'): void {
    this.transloco.setActiveLang(locale);
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    const user = this.session.user();
    if (remember === 'account' && user && user.locale !== locale) {
      this.http.patch<MeView>('/api/me', { locale }).subscribe({ next: (me) => this.session.updateUser({ locale: me.locale }) });
    }
  }
}
