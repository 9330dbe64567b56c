import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditEntryView, AuditQueryDto, Page } from '@jinan/contracts';
import { Response } from 'express';
import { Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('bureau')
@Controller('events/:eventId')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('audit')
  list(@UuidParam('eventId') editionId: string, @Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    return this.trail.list(editionId, query);
  }

  @Get('audit.csv')
  @ApiProduces('text/csv')
  csv(@UuidParam('eventId') editionId: string, @Query() filter: AuditQueryDto, @Res() res: Response): Promise<void> {
    return this.trail.csvExport(res, editionId, filter);
  }
}
