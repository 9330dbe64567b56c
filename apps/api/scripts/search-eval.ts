/**
 * node -r ./apps/api/scripts/ts-register.cjs apps/api/scripts/search-eval.ts [--split dev|held-out|fresh|all] [--failures]
 *
 * Cross-language offer search on the demo catalogue's offers, with queries a buyer would type
 * (written for this measurement, not taken from the offers' text): for each of the catalogue's
 * 24 offer templates the corpus holds five offers — Chinese only, Japanese only, English only,
 * Chinese + English, all three (120 offers, about the demo edition's 114). A query in language
 * L is measured against the target template's offer written only in each other language M
 * (the "L→M" direction): found when that offer is on the first page (20), as the API ranks it
 * (searchOffers; search-terms.spec.ts pins the API's SQL ranking to it).
 *
 * The queries are split by position (even: dev, odd: held-out). Tune on dev; report held-out.
 * A third split, fresh (FRESH_QUERIES), asks for other concepts of the same offers; it was
 * written and measured before the concept table's gloss rules it checks were changed, and is
 * never tuned on: it tells whether a change made on dev carries to words nobody looked at.
 */
import type { Language, MatchingOffer, Sector } from '@jinan/matching';
import { prepareOffers, searchOffers } from '@jinan/matching';
import { OFFER_TEMPLATES } from '../src/database/seed/demo-catalogue';

const PAGE = 20;

/** Template keys: sector initial + position in OFFER_TEMPLATES (h1 = the first health template). */
type Key = string;

/** [query, its language, the template(s) a buyer would expect on the first page]. */
export const EVAL_QUERIES: [string, Language, Key[]][] = [
  // Japanese
  ['医療機器', 'ja', ['h1', 'h3']],
  ['手術器具', 'ja', ['h1']],
  ['介護施設', 'ja', ['h2', 'h5']],
  ['高齢者ケア', 'ja', ['h2']],
  ['画像診断装置', 'ja', ['h3', 'h1']],
  ['超音波', 'ja', ['h3']],
  ['抗体医薬', 'ja', ['h4']],
  ['細胞治療', 'ja', ['h4']],
  ['リハビリ用品', 'ja', ['h5', 'h2']],
  ['遠隔医療', 'ja', ['h6']],
  ['スマート病院', 'ja', ['h6']],
  ['診断試薬', 'ja', ['h7']],
  ['医療イノベーション', 'ja', ['h8']],
  ['排水処理', 'ja', ['e1']],
  ['膜分離', 'ja', ['e1']],
  ['廃棄物発電', 'ja', ['e2']],
  ['排ガス処理', 'ja', ['e2']],
  ['水素タンク', 'ja', ['e3']],
  ['燃料電池', 'ja', ['e3']],
  ['太陽光パネル', 'ja', ['e4']],
  ['蓄電池', 'ja', ['e4', 'e8']],
  ['二酸化炭素回収', 'ja', ['e5']],
  ['省エネ', 'ja', ['e6']],
  ['ビルの省エネ改修', 'ja', ['e6']],
  ['大気汚染', 'ja', ['e7']],
  ['環境モニタリング', 'ja', ['e7']],
  ['電気自動車のバッテリー', 'ja', ['e8']],
  ['電池リサイクル', 'ja', ['e8']],
  ['産業用ロボット', 'ja', ['d1']],
  ['ロボット', 'ja', ['d1']],
  ['スマート工場', 'ja', ['d2']],
  ['生産ラインのデジタル化', 'ja', ['d2']],
  ['半導体', 'ja', ['d3']],
  ['シリコンウエハー', 'ja', ['d3']],
  ['生産管理ソフト', 'ja', ['d4']],
  ['シミュレーション', 'ja', ['d4']],
  ['工作機械', 'ja', ['d5']],
  ['IoT', 'ja', ['d6']],
  ['データ分析', 'ja', ['d6']],
  ['センサー', 'ja', ['d7']],
  ['AI検査', 'ja', ['d8']],
  ['外観検査', 'ja', ['d8']],
  // English
  ['medical devices', 'en', ['h1', 'h3']],
  ['surgical instruments', 'en', ['h1']],
  ['elderly care', 'en', ['h2']],
  ['nursing homes', 'en', ['h2', 'h5']],
  ['medical imaging', 'en', ['h3', 'h1']],
  ['ultrasound', 'en', ['h3']],
  ['antibody drugs', 'en', ['h4']],
  ['cell therapy', 'en', ['h4']],
  ['rehabilitation', 'en', ['h5', 'h2']],
  ['telemedicine', 'en', ['h6']],
  ['hospital information system', 'en', ['h6']],
  ['diagnostic reagents', 'en', ['h7']],
  ['wastewater', 'en', ['e1']],
  ['water treatment', 'en', ['e1']],
  ['waste incineration', 'en', ['e2']],
  ['flue gas', 'en', ['e2']],
  ['hydrogen', 'en', ['e3']],
  ['fuel cells', 'en', ['e3']],
  ['solar panels', 'en', ['e4']],
  ['energy storage', 'en', ['e4']],
  ['carbon capture', 'en', ['e5']],
  ['CO2', 'en', ['e5']],
  ['energy saving', 'en', ['e6']],
  ['building retrofit', 'en', ['e6']],
  ['air pollution monitoring', 'en', ['e7']],
  ['air quality', 'en', ['e7']],
  ['EV batteries', 'en', ['e8']],
  ['battery recycling', 'en', ['e8']],
  ['industrial robots', 'en', ['d1']],
  ['robot integration', 'en', ['d1']],
  ['smart factory', 'en', ['d2']],
  ['digital transformation of production lines', 'en', ['d2']],
  ['semiconductor', 'en', ['d3']],
  ['silicon wafers', 'en', ['d3']],
  ['simulation software', 'en', ['d4']],
  ['CNC', 'en', ['d5']],
  ['machine tools', 'en', ['d5']],
  ['IoT platform', 'en', ['d6']],
  ['sensors', 'en', ['d7']],
  ['AI', 'en', ['d8']],
  ['visual inspection', 'en', ['d8']],
  ['machine vision', 'en', ['d8']],
  // Chinese (simplified and traditional; words the target's own Chinese text may not use)
  ['醫療器械', 'zh', ['h1', 'h3']],
  ['手术器械', 'zh', ['h1']],
  ['养老', 'zh', ['h2', 'h5']],
  ['老年护理', 'zh', ['h2', 'h5']],
  ['医学影像', 'zh', ['h3', 'h1']],
  ['超声波', 'zh', ['h3']],
  ['抗体药物', 'zh', ['h4']],
  ['细胞疗法', 'zh', ['h4']],
  ['康复', 'zh', ['h5', 'h2']],
  ['远程医疗', 'zh', ['h6']],
  ['診斷試劑', 'zh', ['h7']],
  ['污水处理', 'zh', ['e1']],
  ['廢水', 'zh', ['e1']],
  ['垃圾发电', 'zh', ['e2']],
  ['废气处理', 'zh', ['e2']],
  ['氢能源', 'zh', ['e3']],
  ['燃料電池', 'zh', ['e3']],
  ['太阳能', 'zh', ['e4']],
  ['储能', 'zh', ['e4']],
  ['二氧化碳', 'zh', ['e5']],
  ['节能', 'zh', ['e6']],
  ['空气质量', 'zh', ['e7']],
  ['电动汽车电池', 'zh', ['e8']],
  ['锂电池回收', 'zh', ['e8']],
  ['机器人', 'zh', ['d1']],
  ['智能制造', 'zh', ['d2']],
  ['芯片材料', 'zh', ['d3']],
  ['晶圆', 'zh', ['d3']],
  ['仿真软件', 'zh', ['d4']],
  ['數控機床', 'zh', ['d5']],
  ['物联网', 'zh', ['d6']],
  ['数据分析', 'zh', ['d6']],
  ['傳感器', 'zh', ['d7']],
  ['控制器', 'zh', ['d7']],
  ['机器视觉', 'zh', ['d8']],
  ['人工智能', 'zh', ['d8']],
];

/**
 * The fresh split: concepts of the catalogue's offers that no dev or held-out query names
 * (minimally invasive, maintenance, in-vitro diagnostics, photoresist, auto parts, …), written
 * in the buyer's words, each template's word in all three of its languages.
 */
export const FRESH_QUERIES: [string, Language, Key[]][] = [
  // Japanese
  ['低侵襲手術', 'ja', ['h1']],
  ['保守サービス', 'ja', ['h3']],
  ['介護用品', 'ja', ['h5']],
  ['体外診断', 'ja', ['h7']],
  ['化学工業団地', 'ja', ['e1']],
  ['水素貯蔵', 'ja', ['e3']],
  ['自動車部品', 'ja', ['d1']],
  ['フォトレジスト', 'ja', ['d3']],
  // English
  ['in vitro diagnostics', 'en', ['h7']],
  ['innovation center', 'en', ['h8']],
  ['high-pressure tanks', 'en', ['e3']],
  ['public buildings', 'en', ['e6']],
  ['online monitoring', 'en', ['e7']],
  ['material recovery', 'en', ['e8']],
  ['key components', 'en', ['d5']],
  ['electronic components', 'en', ['d8']],
  // Chinese
  ['微创手术', 'zh', ['h1']],
  ['护理用品', 'zh', ['h5']],
  ['创新中心', 'zh', ['h8']],
  ['垃圾焚烧', 'zh', ['e2']],
  ['公共建筑', 'zh', ['e6']],
  ['动力电池', 'zh', ['e8']],
  ['汽车零部件', 'zh', ['d1']],
  ['光刻胶', 'zh', ['d3']],
];

const VARIANTS: { suffix: string; languages: Language[] }[] = [
  { suffix: 'zh', languages: ['zh'] },
  { suffix: 'ja', languages: ['ja'] },
  { suffix: 'en', languages: ['en'] },
  { suffix: 'zh+en', languages: ['zh', 'en'] },
  { suffix: 'all', languages: ['zh', 'ja', 'en'] },
];

/** The corpus: every template in each variant, id "<key>/<variant>". */
export function evalCorpus(): MatchingOffer[] {
  const offers: MatchingOffer[] = [];
  for (const [sector, templates] of Object.entries(OFFER_TEMPLATES) as [Sector, (typeof OFFER_TEMPLATES)[Sector]][]) {
    templates.forEach((t, i) => {
      const key = `${sector[0]}${i + 1}`;
      for (const v of VARIANTS) {
        const text = (field: 0 | 1) => Object.fromEntries(v.languages.map((l) => [l, t[l][field]]));
        offers.push({
          id: `${key}/${v.suffix}`,
          organizationId: `${key}/${v.suffix}`,
          sector,
          cooperationType: t.type,
          title: text(0),
          summary: text(1),
          partnerSought: {},
          company: { sectors: [sector], languages: v.languages },
        });
      }
    });
  }
  return offers;
}

interface Outcome {
  query: string;
  direction: string;
  split: 'dev' | 'held-out' | 'fresh';
  rank: number; // 1-based rank of the best target offer, 0 when not found at all
}

export function evaluate(): Outcome[] {
  const prepared = prepareOffers(evalCorpus());
  const out: Outcome[] = [];
  const measure = ([query, language, keys]: [string, Language, Key[]], split: Outcome['split']): void => {
    const ranked = searchOffers(prepared, query, { explain: 0 }).hits.map((h) => h.offerId);
    for (const target of ['zh', 'ja', 'en'] as Language[]) {
      if (target === language) continue;
      const positions = keys.map((k) => ranked.indexOf(`${k}/${target}`) + 1).filter((r) => r > 0);
      out.push({ query, direction: `${language}→${target}`, split, rank: positions.length ? Math.min(...positions) : 0 });
    }
  };
  EVAL_QUERIES.forEach((q, i) => measure(q, i % 2 === 0 ? 'dev' : 'held-out'));
  FRESH_QUERIES.forEach((q) => measure(q, 'fresh'));
  return out;
}

function report(outcomes: Outcome[], showFailures: boolean): void {
  const found = (o: Outcome) => o.rank > 0 && o.rank <= PAGE;
  const directions = [...new Set(outcomes.map((o) => o.direction))].sort();
  console.log(`| direction | queries | recall@page 1 (${PAGE}) | top 5 | MRR |`);
  console.log('|---|---|---|---|---|');
  const row = (name: string, rows: Outcome[]) => {
    const n = rows.length;
    const recall = rows.filter(found).length / n;
    const top5 = rows.filter((o) => o.rank > 0 && o.rank <= 5).length / n;
    const mrr = rows.reduce((s, o) => s + (o.rank > 0 ? 1 / o.rank : 0), 0) / n;
    console.log(`| ${name} | ${n} | ${recall.toFixed(3)} | ${top5.toFixed(3)} | ${mrr.toFixed(3)} |`);
  };
  for (const d of directions)
    row(
      d,
      outcomes.filter((o) => o.direction === d),
    );
  row('all', outcomes);
  if (showFailures) {
    for (const o of outcomes.filter((x) => !found(x) || x.rank > 5))
      console.log(`  ${o.direction} ${o.query}: ${o.rank === 0 ? 'not found' : `rank ${o.rank}`}`);
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--split');
  const split = i >= 0 ? process.argv[i + 1] : 'dev';
  const all = evaluate();
  const chosen = split === 'all' ? all.filter((o) => o.split !== 'fresh') : all.filter((o) => o.split === split);
  const count = split === 'fresh' ? FRESH_QUERIES.length : EVAL_QUERIES.length;
  console.log(`search eval: ${count} queries, ${split} split (${chosen.length} query × direction)`);
  report(chosen, process.argv.includes('--failures'));
}
