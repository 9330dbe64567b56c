import { DynamicModule, Module } from '@nestjs/common';
import { MAIL_OPTIONS, MailOptions, MailService } from './mail.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({})
export class NotificationsModule {
  static register(mail: MailOptions): DynamicModule {
    return {
      module: NotificationsModule,
      // Global: every domain that moves meetings queues notifications through it.
      global: true,
      controllers: [NotificationsController],
      providers: [{ provide: MAIL_OPTIONS, useValue: mail }, MailService, NotificationsService],
      exports: [NotificationsService, MailService],
    };
  }
}
