import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Every setting the API reads, validated once at start-up. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Unset: an embedded PostgreSQL under .data/ is started. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** The hot reads' own pool (a party's agenda: apps/api/src/common/hot-reads/hot-reads.ts). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  HOT_READS_POOL_SIZE = 4;

  /** Required in production; in development a random one is kept under .data/. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 12 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Requests per minute per client address, across the API. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Login attempts per minute per address and email. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** Failed logins per client address in 15 minutes, whatever the e-mail; then refused before any password check. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 30;

  /** Registrations per client address per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REGISTRATIONS_PER_ADDRESS_PER_HOUR = 10;

  /** Password-reset requests per client address per hour (then 429). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR = 10;

  /** Password-reset mails per account per hour (further requests answer alike but send nothing). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR = 3;

  /** Password hashes computed at once in this process (argon2 is CPU- and memory-heavy); one address gets at most all but one of them. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** Password hashes one client address may have waiting in this process; more are refused at once (429). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_HASH_QUEUE_PER_ADDRESS = 8;

  /**
   * Seed the demo edition (with its well-known demo passwords) into an empty database:
   * only on the embedded database (unless SEED_DEMO=false), or anywhere with DEMO=1 —
   * never merely because NODE_ENV is unset.
   */
  @IsIn(['true', 'false'])
  SEED_DEMO: 'true' | 'false' = 'true';

  @IsOptional()
  @IsIn(['0', '1'])
  DEMO?: '0' | '1';

  /**
   * Which demo to seed: `full` (default) an edition in full swing — requests in every state,
   * a matching and a scheduler run, confirmations, feedback; `small` firms, offers and
   * accounts only, as the tests expect.
   */
  @IsIn(['full', 'small'])
  DEMO_SIZE: 'full' | 'small' = 'full';

  /**
   * The address people reach this server by, e.g. https://match.jinan.example; links that
   * leave the server (calendar feeds, password-reset mails) are built from it, never from
   * the request's Host or X-Forwarded-Proto headers. Default: http://localhost:PORT.
   */
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits, logs).
   * Off by default: a client must not choose its own address. Set it to the hop count
   * (1) or the proxies' addresses (loopback, 10.0.0.0/8, …, comma-separated) when the
   * API runs behind a reverse proxy.
   */
  @Matches(/^(false|true|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, { message: 'TRUST_PROXY must be false, a hop count or a comma-separated list of addresses' })
  TRUST_PROXY = 'false';

  /** Write the log to this file (appended) instead of standard output. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Where the built web app lives; served on the API's port when present. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  /** e.g. smtp://user:pass@host:587; unset: mails go to the development transport. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  /** Sender of notification mails. */
  @IsString()
  MAIL_FROM = 'Jinan-Japan matchmaking <no-reply@localhost>';

  /** Run background jobs (meeting expiry, notification mails) on pg-boss in this instance. */
  @IsIn(['true', 'false'])
  JOBS_ENABLED: 'true' | 'false' = 'true';

  /** Japanese firms per matching shard job (issue 16: distributed matching). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MATCHING_SHARD_SIZE = 250;

  /** false: this API instance leaves matching shards and incremental scoring to `npm run matching:worker` processes. */
  @IsIn(['true', 'false'])
  MATCHING_IN_API: 'true' | 'false' = 'true';

  /** A shard job running longer than this is taken as its worker's death and handed to another worker. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  MATCHING_SHARD_EXPIRE_SECONDS = 900;

  /** How often pg-boss looks for jobs whose worker died (seconds). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOBS_MAINTENANCE_SECONDS = 60;

  /** Hours a party has to answer a meeting request or proposal (never past the event start). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  MEETING_ANSWER_HOURS = 72;

  /**
   * The bureau's statistics are computed live unless the edition's last computation took
   * at least this long (ms): then the last figures are served while they are younger than
   * STATS_SNAPSHOT_SECONDS, and computed again in the background (a year-round round of
   * 150,000 meetings takes seconds; a conference's, milliseconds). 0: always the snapshot.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  STATS_LIVE_LIMIT_MS = 1000;

  /** The oldest statistics snapshot served (seconds); 0 turns snapshots off (always live). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  STATS_SNAPSHOT_SECONDS = 60;
}

/** Nest injection token of the validated Environment (AppModule provides it). */
export const ENVIRONMENT = Symbol('ENVIRONMENT');

/** Express's `trust proxy` value for TRUST_PROXY. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Where outside links point: PUBLIC_BASE_URL without a trailing slash. */
export function publicBaseUrl(env: Pick<Environment, 'PUBLIC_BASE_URL' | 'PORT'>): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const env = plainToInstance(Environment, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new Error('invalid configuration:\n  JWT_SECRET is required in production');
  }
  return env;
}
