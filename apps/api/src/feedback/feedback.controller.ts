import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FeedbackView, FollowUpDueView, SubmitFeedbackDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Roles('jp', 'cn')
  @Post('meetings/:id/feedback')
  submit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: SubmitFeedbackDto): Promise<FeedbackView> {
    return this.feedback.submit(user, id, dto);
  }

  @Get('meetings/:id/feedback')
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<FeedbackView[]> {
    return this.feedback.list(user, id);
  }

  @Roles('bureau')
  @Get('events/:eventId/feedback/follow-ups')
  followUpsDue(@UuidParam('eventId') editionId: string): Promise<FollowUpDueView[]> {
    return this.feedback.followUpsDue(editionId);
  }
}
