import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, organizations, editions with their programme (sessions, slots, tables),
 * offers and the bureau's audit log. Enumerations are CHECK constraints so a value
 * the application does not know can never be stored.
 */
export class CreateFoundation1764000000000 implements MigrationInterface {
  name = 'CreateFoundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('JP', 'CN')),
        name_zh text,
        name_ja text,
        name_en text,
        sectors text[] NOT NULL
          CHECK (cardinality(sectors) >= 1 AND sectors <@ ARRAY['health', 'environment', 'digital']),
        size_band text NOT NULL CHECK (size_band IN ('small', 'medium', 'large', 'very_large')),
        languages text[] NOT NULL
          CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['zh', 'ja', 'en']),
        delegates smallint NOT NULL DEFAULT 1 CHECK (delegates BETWEEN 1 AND 10),
        cooperation_types text[] NOT NULL DEFAULT '{}'
          CHECK (cooperation_types <@ ARRAY['investment', 'joint_venture', 'technology_licensing',
                                             'procurement', 'distribution', 'joint_rnd']),
        seeks_zh text,
        seeks_ja text,
        seeks_en text,
        description text,
        website text,
        city text,
        verification text NOT NULL DEFAULT 'pending' CHECK (verification IN ('pending', 'verified', 'rejected')),
        verified_at timestamptz,
        search_text text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A Japanese firm is named in Japanese, a Ji'nan company in Chinese.
        CONSTRAINT organizations_native_name CHECK (
          (country = 'JP' AND name_ja IS NOT NULL) OR (country = 'CN' AND name_zh IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX organizations_country_idx ON organizations (country, verification)`);
    await q.query(`CREATE INDEX organizations_sectors_idx ON organizations USING gin (sectors)`);
    await q.query(`CREATE INDEX organizations_search_idx ON organizations USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('jp', 'cn', 'bureau')),
        organization_id uuid REFERENCES organizations (id) ON DELETE RESTRICT,
        full_name text NOT NULL,
        phone text,
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('zh-CN', 'ja', 'en')),
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        -- Raised on password change: tokens carrying an older value are refused.
        token_version integer NOT NULL DEFAULT 0,
        consent jsonb NOT NULL DEFAULT '{}',
        anonymised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Delegates belong to an organization; bureau staff to none.
        CONSTRAINT users_org_matches_role CHECK ((role = 'bureau') = (organization_id IS NULL))
      )`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);

    await q.query(`
      CREATE TABLE editions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 2020 AND 2100),
        name_zh text NOT NULL,
        name_ja text NOT NULL,
        name_en text NOT NULL,
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        start_date date NOT NULL,
        end_date date NOT NULL,
        slot_minutes smallint NOT NULL DEFAULT 20 CHECK (slot_minutes BETWEEN 5 AND 120),
        max_meetings_per_org_per_day smallint NOT NULL DEFAULT 8 CHECK (max_meetings_per_org_per_day >= 1),
        max_pending_requests smallint NOT NULL DEFAULT 30 CHECK (max_pending_requests >= 1),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date)
      )`);

    await q.query(`
      CREATE TABLE programme_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('plenary', 'negotiation', 'site_visit', 'break')),
        sector text CHECK (sector IN ('health', 'environment', 'digital')),
        title_zh text NOT NULL,
        title_ja text NOT NULL,
        title_en text NOT NULL,
        venue text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        slot_minutes smallint CHECK (slot_minutes BETWEEN 5 AND 120),
        table_count smallint CHECK (table_count BETWEEN 1 AND 500),
        CHECK (ends_at > starts_at),
        -- Only negotiation sessions have a sector, slots and tables.
        CONSTRAINT programme_sessions_negotiation_shape CHECK (
          (kind = 'negotiation') = (sector IS NOT NULL AND slot_minutes IS NOT NULL AND table_count IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX programme_sessions_edition_idx ON programme_sessions (edition_id, starts_at)`);

    await q.query(`
      CREATE TABLE slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES programme_sessions (id) ON DELETE CASCADE,
        edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
        index smallint NOT NULL CHECK (index >= 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        UNIQUE (session_id, index),
        -- Slots of one session never overlap.
        CONSTRAINT slots_no_overlap EXCLUDE USING gist (session_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
      )`);
    await q.query(`CREATE INDEX slots_edition_idx ON slots (edition_id, starts_at)`);

    await q.query(`
      CREATE TABLE negotiation_tables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES programme_sessions (id) ON DELETE CASCADE,
        number smallint NOT NULL CHECK (number >= 1),
        label text,
        UNIQUE (session_id, number)
      )`);

    await q.query(`
      CREATE TABLE offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        sector text NOT NULL CHECK (sector IN ('health', 'environment', 'digital')),
        cooperation_type text NOT NULL CHECK (cooperation_type IN ('investment', 'joint_venture',
          'technology_licensing', 'procurement', 'distribution', 'joint_rnd')),
        title_zh text NOT NULL,
        title_ja text,
        title_en text,
        summary_zh text NOT NULL,
        summary_ja text,
        summary_en text,
        partner_sought text,
        investment_min_mcny numeric(12, 2) CHECK (investment_min_mcny >= 0),
        investment_max_mcny numeric(12, 2) CHECK (investment_max_mcny >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
        published_at timestamptz,
        -- Lower-cased, variant-normalised text of every language, for search.
        search_text text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (investment_min_mcny IS NULL OR investment_max_mcny IS NULL OR investment_min_mcny <= investment_max_mcny),
        -- Chinese plus Japanese or English, as the bureau requires of a published offer.
        CONSTRAINT offers_second_language CHECK (
          status <> 'published' OR ((title_ja IS NOT NULL OR title_en IS NOT NULL)
                                   AND (summary_ja IS NOT NULL OR summary_en IS NOT NULL))),
        CONSTRAINT offers_published_at CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX offers_organization_idx ON offers (organization_id)`);
    await q.query(`CREATE INDEX offers_published_idx ON offers (sector, cooperation_type, published_at DESC) WHERE status = 'published'`);
    await q.query(`CREATE INDEX offers_search_idx ON offers USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid,
        edition_id uuid REFERENCES editions (id) ON DELETE CASCADE,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'offers', 'negotiation_tables', 'slots', 'programme_sessions', 'editions', 'users', 'organizations']) {
      await q.query(`DROP TABLE ${table}`);
    }
    // Extensions stay: other databases objects or later migrations may rely on them.
  }
}
