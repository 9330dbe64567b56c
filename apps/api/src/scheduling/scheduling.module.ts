import { Module } from '@nestjs/common';
import { ScheduleRunner } from './schedule-runner';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

@Module({ controllers: [SchedulingController], providers: [SchedulingService, ScheduleRunner], exports: [SchedulingService] })
export class SchedulingModule {}
