import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MeetingMessageView, PostMeetingMessageDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { MeetingMessagesService } from './meeting-messages.service';

/** The thread of one meeting: its two parties and the bureau; anyone else gets 404. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id/messages')
export class MeetingMessagesController {
  constructor(private readonly messages: MeetingMessagesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<MeetingMessageView[]> {
    return this.messages.list(user, id);
  }

  @Post()
  post(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: PostMeetingMessageDto): Promise<MeetingMessageView> {
    return this.messages.post(user, id, dto);
  }
}
