import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

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

  /** Seed the demo edition into an empty database (never in production). */
  @IsIn(['true', 'false'])
  SEED_DEMO: 'true' | 'false' = 'true';

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

  /** Hours a party has to answer a meeting request or proposal (never past the event start). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  MEETING_ANSWER_HOURS = 72;
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
