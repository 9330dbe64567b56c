import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { headerLocale } from './csv-headers';
import { ExportsService } from './exports.service';

/**
 * CSV exports for the bureau, streamed (the handlers write to the response themselves).
 * `?lang=zh-CN|ja|en` labels the columns in that language; without it they keep their
 * stable snake_case names for scripts.
 */
@ApiTags('exports')
@ApiBearerAuth()
@Roles('bureau')
@Controller('events/:eventId/exports')
export class ExportsController {
  constructor(private readonly csv: ExportsService) {}

  @Get('meetings.csv')
  @ApiProduces('text/csv')
  meetings(@UuidParam('eventId') editionId: string, @Query('lang') lang: string | undefined, @Res() res: Response): Promise<void> {
    return this.csv.meetings(res, editionId, headerLocale(lang));
  }

  @Get('schedule.csv')
  @ApiProduces('text/csv')
  schedule(@UuidParam('eventId') editionId: string, @Query('lang') lang: string | undefined, @Res() res: Response): Promise<void> {
    return this.csv.schedule(res, editionId, headerLocale(lang));
  }

  @Get('organizations.csv')
  @ApiProduces('text/csv')
  organizations(@UuidParam('eventId') editionId: string, @Query('lang') lang: string | undefined, @Res() res: Response): Promise<void> {
    return this.csv.organizations(res, editionId, headerLocale(lang));
  }
}
