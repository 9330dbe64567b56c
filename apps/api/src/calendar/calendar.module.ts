import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({ imports: [SchedulingModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
