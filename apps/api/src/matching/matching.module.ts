import { Module } from '@nestjs/common';
import { MatchScoreService } from './match-score.service';
import { MatchingRunner } from './matching-runner';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Matching runs, recommendations, and MatchScoreService for the meetings and scheduling modules. */
@Module({
  controllers: [MatchingController],
  providers: [MatchingService, MatchingRunner, MatchScoreService],
  exports: [MatchScoreService],
})
export class MatchingModule {}
