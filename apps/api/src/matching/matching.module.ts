import { DynamicModule, Global, Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { MatchScoreService } from './match-score.service';
import { MATCHING_OPTIONS, MatchingModuleOptions, MatchingShardWorker } from './matching-shard-worker';
import { MatchingRunner } from './matching-runner';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Matching runs, recommendations, and MatchScoreService for the meetings and scheduling modules. */
@Module({
  imports: [EditionsModule],
  controllers: [MatchingController],
  providers: [MatchingService, MatchingRunner, MatchingShardWorker, MatchScoreService],
  exports: [MatchScoreService],
})
export class MatchingModule {}

/** The distributed matching's settings (from the environment), for every module that runs shards. */
@Global()
@Module({})
export class MatchingOptionsModule {
  static register(options: MatchingModuleOptions): DynamicModule {
    return { module: MatchingOptionsModule, providers: [{ provide: MATCHING_OPTIONS, useValue: options }], exports: [MATCHING_OPTIONS] };
  }
}
