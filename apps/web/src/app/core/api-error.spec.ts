import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@jinan/contracts/error-codes';
import { LOCALES } from '@jinan/contracts/enums';

/** The translation files the app serves, read as the browser would get them. */
function messages(locale: string): { apiErrors?: Record<string, string>; validation?: Record<string, string> } {
  return JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${locale}.json`), 'utf8'));
}

const LATIN_SENTENCE = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

describe('every API error code has a sentence in every language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: a non-empty apiErrors entry for each of the ${ERROR_CODES.length} codes`, () => {
      const table = messages(locale).apiErrors ?? {};
      const missing = ERROR_CODES.filter((code) => !table[code]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it('the network failure and the fallback for unknown field rules exist too', () => {
    for (const locale of LOCALES) {
      expect(messages(locale).apiErrors?.['NETWORK']).toBeTruthy();
      expect(messages(locale).validation?.['invalid']).toBeTruthy();
    }
  });

  it('Chinese and Japanese sentences carry no English sentence', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const { apiErrors = {}, validation = {} } = messages(locale);
      const english = Object.entries({ ...apiErrors, ...validation }).filter(([, text]) => LATIN_SENTENCE.test(text.replace(/https:\/\//g, '')));
      expect(english).toEqual([]);
    }
  });
});
