import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { HOT_READ_SESSION } from './hot-read-session';

export const HOT_READS_OPTIONS = Symbol('HOT_READS_OPTIONS');

export interface HotReadsOptions {
  databaseUrl: string;
  /** Connections of this pool, beside DATABASE_POOL_SIZE's (docs/operations.md, Pool sizes). */
  poolSize: number;
}

/**
 * The venue's hottest reads (a party's agenda) as named prepared statements on a pool of their
 * own: each connection parses and plans a statement once, then only executes it. A statement
 * run here must be written so that one plan suits every value (index lookups from the given
 * keys, no join order for the planner to pick per value: AGENDA_SQL's LATERAL lookups). Reads
 * outside a transaction only.
 */
@Injectable()
export class HotReads implements OnApplicationShutdown {
  private readonly logger = new Logger('HotReads');
  private readonly pool: Pool;

  constructor(@Inject(HOT_READS_OPTIONS) options: HotReadsOptions) {
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      application_name: 'jinan-hot-reads',
      options: HOT_READ_SESSION,
      // As the ORM's pool: fail fast when the server is down.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    });
    // An idle connection the server drops (a restart, an operator's pg_terminate_backend) is
    // reported here; unheard, pg's 'error' event would end the process. The pool opens a new one.
    this.pool.on('error', (error) => this.logger.warn(`hot reads: idle connection lost (${error.message})`));
  }

  async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name, text, values })).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Global()
@Module({})
export class HotReadsModule {
  static register(options: HotReadsOptions): DynamicModule {
    return { module: HotReadsModule, providers: [{ provide: HOT_READS_OPTIONS, useValue: options }, HotReads], exports: [HotReads] };
  }
}
