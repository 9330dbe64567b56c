import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Environment, ENVIRONMENT } from '../config/environment';
import { countAbuseHit, readAbuseCounter } from './auth.queries';

const MINUTE = 60_000;
/** Bound on the remembered blocked subjects (a flood of spoofed addresses cannot grow it without end). */
const MAX_REMEMBERED = 10_000;
const HOUR = 60 * MINUTE;

/** What is counted, per what, over which window, and the limit from the settings. */
export type AbuseCounter = 'loginFailuresPerAddress' | 'registrationsPerAddress' | 'resetsPerAddress' | 'resetsPerAccount';

const WINDOWS: Record<AbuseCounter, number> = {
  loginFailuresPerAddress: 15 * MINUTE,
  registrationsPerAddress: HOUR,
  resetsPerAddress: HOUR,
  resetsPerAccount: HOUR,
};

/**
 * Abuse limits counted in PostgreSQL (throttle_counters, like the login throttler), so a
 * limit holds across every instance. Fixed windows: a counter restarts when its window
 * ends. `check` is a single indexed read, cheap enough to run before any argon2 work.
 */
@Injectable()
export class AbuseLimits {
  /** Subjects known to be over a limit, until when (epoch ms): this process's cheap refusal. */
  private readonly blocked = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  limit(counter: AbuseCounter): number {
    const { LOGIN_FAILURES_PER_ADDRESS, REGISTRATIONS_PER_ADDRESS_PER_HOUR, PASSWORD_RESETS_PER_ADDRESS_PER_HOUR, PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR } =
      this.env;
    return {
      loginFailuresPerAddress: LOGIN_FAILURES_PER_ADDRESS,
      registrationsPerAddress: REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      resetsPerAddress: PASSWORD_RESETS_PER_ADDRESS_PER_HOUR,
      resetsPerAccount: PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR,
    }[counter];
  }

  /**
   * Refuses with 429 once `subject` has reached the counter's limit (counts nothing). A
   * subject found over its limit is remembered in this process until its window ends,
   * so a flood is refused without even a database read.
   */
  async check(counter: AbuseCounter, subject: string): Promise<void> {
    this.refuseIfKnownBlocked(counter, subject);
    const k = key(counter, subject);
    const row = await readAbuseCounter(this.db.manager, k);
    if (row && row.hits >= this.limit(counter)) {
      if (this.blocked.size >= MAX_REMEMBERED) this.blocked.clear();
      this.blocked.set(k, row.until);
      throw tooMany();
    }
  }

  /** Refuses with 429, from memory only, a subject this process has already found over its limit. */
  refuseIfKnownBlocked(counter: AbuseCounter, subject: string): void {
    const k = key(counter, subject);
    const until = this.blocked.get(k);
    if (until === undefined) return;
    if (until > Date.now()) throw tooMany();
    this.blocked.delete(k);
  }

  /** Counts one event; true while the count stays within the limit. */
  async count(counter: AbuseCounter, subject: string): Promise<boolean> {
    return (await countAbuseHit(this.db.manager, key(counter, subject), WINDOWS[counter])) <= this.limit(counter);
  }

  /** Counts one event and refuses with 429 when it is over the limit. */
  async take(counter: AbuseCounter, subject: string): Promise<void> {
    if (!(await this.count(counter, subject))) throw tooMany();
  }
}

function key(counter: AbuseCounter, subject: string): string {
  return `abuse:${counter}:${subject.toLowerCase().slice(0, 300)}`;
}

export function tooMany(): DomainError {
  return new DomainError('TOO_MANY_ATTEMPTS', 'too many attempts from here; try again later');
}
