import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { MatchingModule } from '../matching/matching.module';
import { AgendaCache } from './agenda-cache';
import { BookingMovesController, BookingMovesService } from './booking-moves';
import { ScheduleRunner } from './schedule-runner';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

@Module({
  imports: [MatchingModule, EditionsModule],
  controllers: [SchedulingController, BookingMovesController],
  providers: [SchedulingService, ScheduleRunner, BookingMovesService, AgendaCache],
  exports: [SchedulingService],
})
export class SchedulingModule {}
