import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { LOCALES } from '@jinan/contracts/enums';
import { firstValueFrom } from 'rxjs';
import { appRoutes } from './app.routes';
import { apiInterceptor } from './core/api-error';
import { HttpTranslationLoader, initialLocale } from './core/language';
import { TranslatedTitleStrategy } from './core/title-strategy';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from './core/paginator-intl';

const startLocale = initialLocale();

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([apiInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    provideTransloco({
      config: {
        availableLangs: [...LOCALES],
        defaultLang: startLocale,
        fallbackLang: 'en',
        missingHandler: { useFallbackTranslation: true },
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: HttpTranslationLoader,
    }),
    // The first screen renders translated, never with raw keys.
    provideAppInitializer(() => {
      document.documentElement.lang = startLocale;
      return firstValueFrom(inject(TranslocoService).load(startLocale));
    }),
  ],
};
