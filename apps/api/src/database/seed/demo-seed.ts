import { CreateEditionDto, EVENT_TIME_ZONE, Language, Sector, SECTORS, SizeBand } from '@jinan/contracts';
import { DateTime } from 'luxon';
import * as argon2 from 'argon2';
import { ARGON2 } from '../../auth/password-hasher';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { searchText } from '../../common/text/search-text';
import { EditionsService } from '../../editions/editions.service';
import { Offer } from '../../offers/offer.entity';
import { Organization } from '../../organizations/organization.entity';
import { User } from '../../users/user.entity';
import { DemoEngines, seedLivingEdition } from './living-edition';
import { CN_INDUSTRIES, CN_NAME_PREFIXES, JP_NAME_PREFIXES, JP_NAME_SUFFIXES, JP_SEEKS, NAMED_JAPANESE_FIRMS, OFFER_TEMPLATES } from './demo-catalogue';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_YEAR = 2027;

/** Lock key so that instances starting together seed once. */
const SEED_LOCK_KEY = 7_141_955;

/** Deterministic PRNG (mulberry32): the demo is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

export interface DemoSeedOptions {
  /**
   * `small` (the default, for tests and benches): the 2027 edition with firms, offers and
   * accounts only. `full` (npm start): an edition that began yesterday in full swing —
   * requests in every state, a matching run, a schedule, confirmations, feedback.
   */
  size?: 'small' | 'full';
  /** The moment the living edition is built around (default: now). */
  now?: Date;
  /** The matching and scheduler runs (bootstrap/demo-engines.ts); without them `full` seeds the small edition. */
  engines?: DemoEngines;
}

/** Seeds the demo edition when the database has no edition and no user; returns a summary or null. */
export async function seedDemoIfEmpty(dataSource: DataSource, options: DemoSeedOptions = {}): Promise<string | null> {
  const now = options.now ?? new Date();
  const full = options.size === 'full' && !!options.engines;
  const rnd = prng(20270527);
  const seeded = await dataSource.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const [{ editions, users }] = await tx.query('SELECT (SELECT count(*) FROM editions)::int AS editions, (SELECT count(*) FROM users)::int AS users');
    if (editions > 0 || users > 0) return null;
    return seedDemo(tx, rnd, full ? liveDates(now) : { year: DEMO_YEAR });
  });
  if (!seeded || !full) return seeded?.summary ?? null;
  // After the commit: the matching and scheduler runs read and write through their own transactions.
  return `${seeded.summary}; ${await seedLivingEdition(dataSource, seeded.editionId, rnd, now, options.engines!)}`;
}

/**
 * An edition under way in the edition's zone: before 13:00 it began yesterday (day 1 is over,
 * day 2 to come), from 13:00 it begins today (the afternoon's negotiations are on, day 2
 * is tomorrow). Either way some meetings are over and others still to come.
 */
function liveDates(now: Date): CreateEditionDto {
  const local = DateTime.fromJSDate(now, { zone: EVENT_TIME_ZONE });
  const yesterday = local.hour < 13 ? local.minus({ days: 1 }) : local;
  // At most 3 meetings per firm a day and 12 tables a session: the schedule spreads over both days.
  return { year: yesterday.year, startDate: yesterday.toISODate()!, maxMeetingsPerOrgPerDay: 3, tablesPerSession: 12 };
}

async function seedDemo(tx: EntityManager, rnd: Rnd, edition: CreateEditionDto): Promise<{ editionId: string; summary: string }> {
  const created = await new EditionsService(tx.connection, new AuditService()).create(null, edition, tx);

  const japanese = await insertJapaneseFirms(tx, rnd);
  const jinan = await insertJinanCompanies(tx, rnd);
  const offers = await insertOffers(tx, rnd, jinan);
  await insertDemoAccounts(tx, japanese, jinan);
  return {
    editionId: created.id,
    summary: `edition ${edition.year}, ${japanese.length} Japanese firms, ${jinan.length} Ji'nan companies, ${offers} offers, 7 demo accounts`,
  };
}

type Rnd = ReturnType<typeof prng>;

async function insertJapaneseFirms(tx: EntityManager, rnd: Rnd): Promise<Organization[]> {
  const rows: Partial<Organization>[] = NAMED_JAPANESE_FIRMS.map((f) => japaneseFirm(rnd, f.nameJa, f.nameEn, f.sectors, f.size, 'verified'));
  let n = 0;
  for (const [prefixJa, prefixEn] of JP_NAME_PREFIXES) {
    for (const sector of SECTORS) {
      if (n >= 30) break;
      const [suffixJa, suffixEn] = rnd.pick(JP_NAME_SUFFIXES[sector]);
      const extra = rnd.next() < 0.3 ? [rnd.pick(SECTORS.filter((s) => s !== sector))] : [];
      // A few registrations wait for the bureau, to show the verification queue.
      const verification = n % 10 === 9 ? 'pending' : 'verified';
      rows.push(
        japaneseFirm(
          rnd,
          `${prefixJa}${suffixJa}株式会社`,
          `${prefixEn} ${suffixEn} Co., Ltd.`,
          [sector, ...extra],
          rnd.pick(['small', 'medium', 'large'] as SizeBand[]),
          verification,
        ),
      );
      n++;
    }
  }
  return tx.getRepository(Organization).save(rows.map((r) => tx.getRepository(Organization).create(r)));
}

function japaneseFirm(
  rnd: Rnd,
  nameJa: string,
  nameEn: string,
  sectors: Sector[],
  size: SizeBand,
  verification: 'verified' | 'pending',
): Partial<Organization> {
  const [seeksJa, seeksEn] = rnd.pick(JP_SEEKS[sectors[0]]);
  const languages: Language[] = rnd.next() < 0.25 ? ['ja', 'zh'] : rnd.next() < 0.7 ? ['ja', 'en'] : ['ja'];
  const org: Partial<Organization> = {
    country: 'JP',
    nameJa,
    nameEn,
    nameZh: null,
    sectors,
    sizeBand: size,
    languages,
    delegates: size === 'very_large' ? rnd.int(2, 3) : rnd.int(1, 2),
    cooperationTypes: [
      rnd.pick(['joint_venture', 'technology_licensing', 'distribution'] as const),
      rnd.pick(['investment', 'joint_rnd', 'procurement'] as const),
    ],
    seeksJa,
    seeksEn,
    seeksZh: null,
    description: null,
    website: null,
    city: rnd.pick(['Tokyo', 'Osaka', 'Nagoya', 'Fukuoka', 'Kyoto']),
    verification,
    verifiedAt: verification === 'verified' ? new Date() : null,
  };
  org.searchText = searchText(org.nameJa, org.nameEn, org.seeksJa, org.seeksEn, org.city);
  return org;
}

async function insertJinanCompanies(tx: EntityManager, rnd: Rnd): Promise<Organization[]> {
  const rows: Partial<Organization>[] = [];
  CN_NAME_PREFIXES.forEach(([prefixZh, prefixEn], i) => {
    for (const sector of SECTORS) {
      const [industryZh, industryEn] = CN_INDUSTRIES[sector][(i + rows.length) % CN_INDUSTRIES[sector].length];
      const verification = rows.length % 20 === 19 ? 'pending' : 'verified';
      const languages: Language[] = rnd.next() < 0.2 ? ['zh', 'ja'] : rnd.next() < 0.6 ? ['zh', 'en'] : ['zh'];
      const org: Partial<Organization> = {
        country: 'CN',
        nameZh: `济南${prefixZh}${industryZh}有限公司`,
        nameEn: `Jinan ${prefixEn} ${industryEn} Co., Ltd.`,
        nameJa: null,
        sectors: [sector],
        sizeBand: rnd.pick(['small', 'medium', 'medium', 'large'] as SizeBand[]),
        languages,
        delegates: rnd.int(1, 2),
        cooperationTypes: [],
        seeksZh: null,
        seeksJa: null,
        seeksEn: null,
        description: null,
        website: null,
        city: '济南',
        verification,
        verifiedAt: verification === 'verified' ? new Date() : null,
      };
      org.searchText = searchText(org.nameZh, org.nameEn, org.city);
      rows.push(org);
    }
  });
  return tx.getRepository(Organization).save(rows.map((r) => tx.getRepository(Organization).create(r)));
}

/** Two offers per company: one from its sector, the second from its sector or a neighbour. */
async function insertOffers(tx: EntityManager, rnd: Rnd, companies: Organization[]): Promise<number> {
  const offers: Partial<Offer>[] = [];
  companies.forEach((company, i) => {
    const sector = company.sectors[0];
    const templates = OFFER_TEMPLATES[sector];
    const first = templates[i % templates.length];
    const second = templates[(i + 3) % templates.length];
    for (const template of [first, second]) {
      // Chinese always; Japanese, English or both alongside.
      const variant = rnd.next();
      const ja = variant < 0.7 ? template.ja : null;
      const en = variant >= 0.4 ? template.en : null;
      const published = company.verification === 'verified';
      const offer: Partial<Offer> = {
        organizationId: company.id,
        sector,
        cooperationType: template.type,
        titleZh: template.zh[0],
        summaryZh: `${company.nameZh}：${template.zh[1]}`,
        titleJa: ja?.[0] ?? null,
        summaryJa: ja?.[1] ?? null,
        titleEn: en?.[0] ?? null,
        summaryEn: en?.[1] ?? null,
        partnerSought: en ? 'Japanese partner with proven products and after-sales capability' : '日本の実績ある企業',
        investmentMinMcny: template.range?.[0] ?? null,
        investmentMaxMcny: template.range?.[1] ?? null,
        status: published ? 'published' : 'draft',
        publishedAt: published ? new Date() : null,
      };
      offer.searchText = searchText(offer.titleZh, offer.titleJa, offer.titleEn, offer.summaryZh, offer.summaryJa, offer.summaryEn, offer.partnerSought);
      offers.push(offer);
    }
  });
  await tx.getRepository(Offer).save(
    offers.map((o) => tx.getRepository(Offer).create(o)),
    { chunk: 50 },
  );
  return offers.length;
}

/** The accounts listed in the README: one bureau officer, three firms on each side. */
async function insertDemoAccounts(tx: EntityManager, japanese: Organization[], jinan: Organization[]): Promise<void> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2);
  const verifiedJinan = jinan.filter((o) => o.verification === 'verified');
  const accounts: Partial<User>[] = [
    {
      email: 'bureau@demo.test',
      role: 'bureau',
      organizationId: null,
      fullName: '王芳 (Wang Fang)',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      phone: '+86 531 0000 0000',
    },
    ...[0, 1, 3].map((index, i) => ({
      email: `jp${i + 1}@demo.test`,
      role: 'jp' as const,
      organizationId: japanese[index].id,
      fullName: ['佐藤 健 (Sato Ken)', '鈴木 美咲 (Suzuki Misaki)', '高橋 誠 (Takahashi Makoto)'][i],
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      phone: `+81 3 0000 000${i + 1}`,
    })),
    ...[0, 1, 2].map((index, i) => ({
      email: `cn${i + 1}@demo.test`,
      role: 'cn' as const,
      organizationId: verifiedJinan[index].id,
      fullName: ['李明 (Li Ming)', '张伟 (Zhang Wei)', '刘洋 (Liu Yang)'][i],
      locale: 'zh-CN' as const,
      timeZone: 'Asia/Shanghai',
      phone: `+86 531 0000 000${i + 1}`,
    })),
  ];
  const consent = { shareProfile: true, shareContactWithAcceptedCounterparts: true, recordedAt: new Date().toISOString() };
  await tx.getRepository(User).save(accounts.map((a) => tx.getRepository(User).create({ ...a, passwordHash, tokenVersion: 0, consent })));
}
