import { Pipe, PipeTransform } from '@angular/core';
import type { Locale } from '@jinan/contracts';

/**
 * City names as organisations typed them ("济南", "Kyoto") in the viewer's language.
 * Cities are free text, so only the ones the event meets are known; others show as typed.
 */
const CITIES: readonly { names: readonly string[]; zh: string; ja: string; en: string }[] = [
  { names: ['济南', '濟南', '済南', 'jinan', 'ji’nan', "ji'nan"], zh: '济南', ja: '済南', en: 'Ji’nan' },
  { names: ['青岛', 'qingdao', '青島'], zh: '青岛', ja: '青島', en: 'Qingdao' },
  { names: ['上海', 'shanghai'], zh: '上海', ja: '上海', en: 'Shanghai' },
  { names: ['北京', 'beijing'], zh: '北京', ja: '北京', en: 'Beijing' },
  { names: ['东京', '東京', 'tokyo'], zh: '东京', ja: '東京', en: 'Tokyo' },
  { names: ['大阪', 'osaka'], zh: '大阪', ja: '大阪', en: 'Osaka' },
  { names: ['名古屋', 'nagoya'], zh: '名古屋', ja: '名古屋', en: 'Nagoya' },
  { names: ['福冈', '福岡', 'fukuoka'], zh: '福冈', ja: '福岡', en: 'Fukuoka' },
  { names: ['京都', 'kyoto'], zh: '京都', ja: '京都', en: 'Kyoto' },
  { names: ['横滨', '横浜', 'yokohama'], zh: '横滨', ja: '横浜', en: 'Yokohama' },
  { names: ['神户', '神戸', 'kobe'], zh: '神户', ja: '神戸', en: 'Kobe' },
  { names: ['札幌', 'sapporo'], zh: '札幌', ja: '札幌', en: 'Sapporo' },
];

export function cityName(raw: string | null | undefined, locale: Locale): string {
  if (!raw) return '';
  const key = raw.trim().toLowerCase();
  const city = CITIES.find((c) => c.names.includes(key));
  if (!city) return raw;
  return locale === 'zh-CN' ? city.zh : locale === 'ja' ? city.ja : city.en;
}

/** `{{ org.city | city: language.current() }}` */
@Pipe({ name: 'city' })
export class CityPipe implements PipeTransform {
  transform(raw: string | null | undefined, locale: Locale): string {
    return cityName(raw, locale);
  }
}
