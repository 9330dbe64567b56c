import { type Locale, LOCALES } from '@jinan/contracts/enums';

/**
 * Column headers in the bureau's language, for the people who open an export in a
 * spreadsheet. Without a language the headers stay the stable snake_case names,
 * which scripts rely on. A column missing here keeps its snake_case name.
 */
const HEADERS: Record<string, Record<Locale, string>> = {
  meeting_id: { 'zh-CN': '会谈编号', ja: '面談ID', en: 'Meeting ID' },
  status: { 'zh-CN': '状态', ja: '状態', en: 'Status' },
  sector: { 'zh-CN': '行业', ja: '分野', en: 'Sector' },
  origin: { 'zh-CN': '发起方式', ja: '申込方法', en: 'Origin' },
  priority: { 'zh-CN': '优先级', ja: '優先度', en: 'Priority' },
  japanese_firm_ja: { 'zh-CN': '日本企业（日文）', ja: '日本企業（日本語）', en: 'Japanese firm (Japanese)' },
  japanese_firm_en: { 'zh-CN': '日本企业（英文）', ja: '日本企業（英語）', en: 'Japanese firm (English)' },
  jinan_company_zh: { 'zh-CN': '济南企业（中文）', ja: '済南企業（中国語）', en: 'Ji’nan company (Chinese)' },
  jinan_company_en: { 'zh-CN': '济南企业（英文）', ja: '済南企業（英語）', en: 'Ji’nan company (English)' },
  offer_title_zh: { 'zh-CN': '项目名称（中文）', ja: '案件名（中国語）', en: 'Offer title (Chinese)' },
  offer_title_ja: { 'zh-CN': '项目名称（日文）', ja: '案件名（日本語）', en: 'Offer title (Japanese)' },
  requested_at: { 'zh-CN': '申请时间', ja: '申込日時', en: 'Requested at' },
  starts_at_event: { 'zh-CN': '开始时间（当地时间）', ja: '開始（現地時間）', en: 'Starts (local time)' },
  ends_at_event: { 'zh-CN': '结束时间（当地时间）', ja: '終了（現地時間）', en: 'Ends (local time)' },
  starts_at_tokyo: { 'zh-CN': '开始时间（东京时间）', ja: '開始（日本時間）', en: 'Starts (Tokyo time)' },
  table: { 'zh-CN': '桌号', ja: 'テーブル', en: 'Table' },
  venue: { 'zh-CN': '地点', ja: '会場', en: 'Venue' },
  published: { 'zh-CN': '已发布', ja: '公開済み', en: 'Published' },
  jp_confirmed: { 'zh-CN': '日方已确认', ja: '日本側確認済み', en: 'Confirmed by the Japanese firm' },
  cn_confirmed: { 'zh-CN': '中方已确认', ja: '済南側確認済み', en: 'Confirmed by the Ji’nan company' },
  date: { 'zh-CN': '日期', ja: '日付', en: 'Date' },
  session_sector: { 'zh-CN': '场次行业', ja: 'セッション分野', en: 'Session sector' },
  session_zh: { 'zh-CN': '场次（中文）', ja: 'セッション（中国語）', en: 'Session (Chinese)' },
  session_ja: { 'zh-CN': '场次（日文）', ja: 'セッション（日本語）', en: 'Session (Japanese)' },
  session_en: { 'zh-CN': '场次（英文）', ja: 'セッション（英語）', en: 'Session (English)' },
  slot_starts_at_event: { 'zh-CN': '时段开始（当地时间）', ja: '枠の開始（現地時間）', en: 'Slot starts (local time)' },
  slot_ends_at_event: { 'zh-CN': '时段结束（当地时间）', ja: '枠の終了（現地時間）', en: 'Slot ends (local time)' },
  slot_starts_at_tokyo: { 'zh-CN': '时段开始（东京时间）', ja: '枠の開始（日本時間）', en: 'Slot starts (Tokyo time)' },
  organization_id: { 'zh-CN': '机构编号', ja: '組織ID', en: 'Organisation ID' },
  country: { 'zh-CN': '国家', ja: '国', en: 'Country' },
  name_zh: { 'zh-CN': '名称（中文）', ja: '名称（中国語）', en: 'Name (Chinese)' },
  name_ja: { 'zh-CN': '名称（日文）', ja: '名称（日本語）', en: 'Name (Japanese)' },
  name_en: { 'zh-CN': '名称（英文）', ja: '名称（英語）', en: 'Name (English)' },
  sectors: { 'zh-CN': '行业', ja: '分野', en: 'Sectors' },
  size: { 'zh-CN': '规模', ja: '規模', en: 'Size' },
  languages: { 'zh-CN': '语言', ja: '言語', en: 'Languages' },
  delegates: { 'zh-CN': '参会人数', ja: '参加者数', en: 'Delegates' },
  city: { 'zh-CN': '城市', ja: '都市', en: 'City' },
  verification: { 'zh-CN': '审核状态', ja: '確認状況', en: 'Verification' },
  meetings: { 'zh-CN': '会谈数', ja: '面談数', en: 'Meetings' },
  meetings_accepted: { 'zh-CN': '已接受会谈数', ja: '成立した面談数', en: 'Meetings accepted' },
  meetings_placed: { 'zh-CN': '已排程会谈数', ja: '日程の決まった面談数', en: 'Meetings scheduled' },
};

/** `?lang=` as given, if it is one of ours. */
export function headerLocale(value: unknown): Locale | null {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

/** The header row: labels in `locale`, or the stable snake_case names. */
export function csvHeaders(columns: readonly string[], locale: Locale | null): string[] {
  return locale ? columns.map((c) => HEADERS[c]?.[locale] ?? c) : [...columns];
}
