import type { KeyProjectView } from '@jinan/contracts';

export type PrintLocale = 'zh-CN' | 'ja';

const TEXT: Record<PrintLocale, { lang: string; heading: string; no: string; project: string; parties: string; sector: Record<string, string> }> = {
  'zh-CN': {
    lang: 'zh-CN',
    heading: '重点项目签约仪式',
    no: '序号',
    project: '项目名称',
    parties: '签约方',
    sector: { health: '大健康', environment: '节能环保与减碳', digital: '数字经济与智能制造' },
  },
  ja: {
    lang: 'ja',
    heading: '重点プロジェクト調印式',
    no: '番号',
    project: 'プロジェクト名',
    parties: '調印者',
    sector: { health: 'ヘルスケア', environment: '省エネ・環境保護・脱炭素', digital: 'デジタル経済・スマート製造' },
  },
};

/** The five characters that matter in HTML text and attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The ceremony list as a printable A4 page in Chinese or Japanese: one table, CJK fonts
 * first, rows never split across pages.
 */
export function keyProjectsPrintPage(editionName: string, projects: KeyProjectView[], locale: PrintLocale): string {
  const t = TEXT[locale];
  const title = (p: KeyProjectView) => (locale === 'ja' ? p.title.ja : p.title.zh);
  const rows = projects
    .map(
      (p, i) =>
        `<tr><td>${i + 1}</td><td>${escape(title(p))}<div class="sector">${escape(t.sector[p.sector] ?? p.sector)}</div></td><td>${p.signingParties.map(escape).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8"><title>${escape(t.heading)}</title>
<style>
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans", "Hiragino Sans", "Microsoft YaHei", sans-serif; margin: 0; color: #000; }
  h1 { font-size: 20pt; text-align: center; margin: 0 0 4pt; }
  p.edition { text-align: center; margin: 0 0 14pt; font-size: 11pt; }
  table { width: 100%; border-collapse: collapse; font-size: 11pt; }
  th, td { border: 1px solid #444; padding: 6pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  th:first-child, td:first-child { width: 3em; text-align: center; }
  tr { break-inside: avoid; }
  .sector { font-size: 9pt; color: #444; margin-top: 2pt; }
</style></head>
<body><h1>${escape(t.heading)}</h1><p class="edition">${escape(editionName)}</p>
<table><thead><tr><th>${t.no}</th><th>${t.project}</th><th>${t.parties}</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
