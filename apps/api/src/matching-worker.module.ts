import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './database/data-source';
import { JobsModule } from './jobs/jobs.module';
import { MatchingShardWorker } from './matching/matching-shard-worker';
import { MatchingOptionsModule } from './matching/matching.module';

export interface MatchingWorkerOptions {
  databaseUrl: string;
  shardSize: number;
  shardExpireSeconds: number;
  maintenanceIntervalSeconds: number;
}

/**
 * A matching worker without the HTTP API (`npm run matching:worker`): the database, pg-boss
 * and the shard worker only, so extra CPU can join a run without serving requests.
 */
@Module({})
export class MatchingWorkerModule {
  static register(options: MatchingWorkerOptions): DynamicModule {
    return {
      module: MatchingWorkerModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl, 4, 'jinan-matching-worker'), retryAttempts: 3, retryDelay: 1000 }),
        JobsModule.register({ databaseUrl: options.databaseUrl, enabled: true, maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
        MatchingOptionsModule.register({ shardSize: options.shardSize, shardExpireSeconds: options.shardExpireSeconds }),
      ],
      providers: [MatchingShardWorker],
    };
  }
}
