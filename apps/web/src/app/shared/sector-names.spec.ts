import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, SECTORS } from '@jinan/contracts/enums';
import { SECTOR_NAMES } from '@jinan/contracts/sector-names';

describe('sector names: one word per sector in each language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the web app's sector.* translations are the contract's SECTOR_NAMES`, () => {
      const messages = JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${locale}.json`), 'utf8')) as { sector: Record<string, string> };
      for (const sector of SECTORS) expect({ sector, name: messages.sector[sector] }).toEqual({ sector, name: SECTOR_NAMES[sector][locale] });
    });
  }
});
