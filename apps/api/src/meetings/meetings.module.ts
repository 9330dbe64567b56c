import { DynamicModule, Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { MeetingMessagesController } from './meeting-messages.controller';
import { MeetingMessagesService } from './meeting-messages.service';
import { MEETINGS_OPTIONS, MeetingsOptions, MeetingTransitionsService } from './meeting-transitions.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { SelfBookingController } from './self-booking.controller';
import { SelfBookingService } from './self-booking.service';

@Module({})
export class MeetingsModule {
  /** Exports MeetingTransitionsService: the scheduling module moves meetings through it. */
  static register(options: MeetingsOptions): DynamicModule {
    return {
      module: MeetingsModule,
      global: true,
      imports: [MatchingModule],
      controllers: [MeetingsController, MeetingMessagesController, SelfBookingController],
      providers: [{ provide: MEETINGS_OPTIONS, useValue: options }, MeetingTransitionsService, MeetingsService, MeetingMessagesService, SelfBookingService],
      exports: [MeetingTransitionsService, MeetingsService],
    };
  }
}
