import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Environment, ENVIRONMENT } from '../config/environment';
import { tooMany } from './abuse-limits';
import { FairGate } from './fair-gate';

/**
 * OWASP's recommended argon2id parameters (m=19 MiB, t=2, p=1; the library's default of
 * 64 MiB, t=3, p=4 cost four times the CPU per login for no standard's sake — hashes
 * made with it still verify, the parameters travel in the hash),
 * run through a FairGate keyed by client address: a bounded number at once per process,
 * round-robin between addresses, so one address's flood cannot starve the others' logins.
 * Calls without an address (CLI, seed) share one key.
 */
export const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private readonly gate: FairGate;

  constructor(@Inject(ENVIRONMENT) env: Pick<Environment, 'PASSWORD_HASH_CONCURRENCY' | 'PASSWORD_HASH_QUEUE_PER_ADDRESS'>) {
    this.gate = new FairGate(env.PASSWORD_HASH_CONCURRENCY, env.PASSWORD_HASH_QUEUE_PER_ADDRESS);
  }

  /** True when work for `address` would be refused now: its queue in this process is full. */
  isBusy(address: string): boolean {
    return this.gate.isFull(address);
  }

  hash(password: string, address = 'local'): Promise<string> {
    return this.gate.run(address, () => argon2.hash(password, ARGON2), tooMany);
  }

  verify(hash: string, password: string, address = 'local'): Promise<boolean> {
    return this.gate.run(
      address,
      async () => {
        try {
          return await argon2.verify(hash, password);
        } catch {
          return false;
        }
      },
      tooMany,
    );
  }
}
