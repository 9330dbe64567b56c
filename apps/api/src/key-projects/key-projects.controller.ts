import { Body, Controller, Delete, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CreateKeyProjectDto, KeyProjectView, named } from '@jinan/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { Response } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { CsvStreamer } from '../common/csv/csv-streamer';
import { KeyProjectsService } from './key-projects.service';
import { KEY_PROJECTS_CSV } from './key-projects.queries';
import { PrintLocale } from './key-projects-print';

const PRINT_LOCALES = ['zh-CN', 'ja'] as const;

export class PrintQueryDto {
  @IsOptional()
  @IsIn(PRINT_LOCALES, named(`must be one of: ${PRINT_LOCALES.join(', ')}`))
  locale?: PrintLocale;
}

/** The signing ceremony's list: the bureau marks, lists, prints and exports key projects. */
@ApiTags('key-projects')
@ApiBearerAuth()
@Roles('bureau')
@Controller('events/:eventId/key-projects')
export class KeyProjectsController {
  constructor(
    private readonly keyProjects: KeyProjectsService,
    private readonly csv: CsvStreamer,
  ) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @Body() dto: CreateKeyProjectDto): Promise<KeyProjectView> {
    return this.keyProjects.create(user, editionId, dto);
  }

  @Get()
  list(@UuidParam('eventId') editionId: string): Promise<KeyProjectView[]> {
    return this.keyProjects.list(editionId);
  }

  /** A printable page (A4) in Chinese (default) or Japanese. */
  @Get('print')
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  print(@UuidParam('eventId') editionId: string, @Query() query: PrintQueryDto): Promise<string> {
    return this.keyProjects.printPage(editionId, query.locale ?? 'zh-CN');
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async export(@UuidParam('eventId') editionId: string, @Res() res: Response): Promise<void> {
    await this.keyProjects.list(editionId);
    await this.csv.send(res, 'key-projects.csv', KEY_PROJECTS_CSV, [editionId]);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('eventId') editionId: string, @UuidParam('id') id: string): Promise<void> {
    await this.keyProjects.remove(user, editionId, id);
  }
}
