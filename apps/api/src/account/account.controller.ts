import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConsentView, EraseAccountDto, EraseUserDto, PersonalDataExport, UpdateConsentDto } from '@jinan/contracts';
import type { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { UuidParam } from '../common/http/validation';
import { AccountService } from './account.service';

/** Personal data rights (PIPL / APPI): export, erasure, consent. */
@ApiTags('account')
@ApiBearerAuth()
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('me/data')
  exportMine(@CurrentUser() user: AuthUser): Promise<PersonalDataExport> {
    return this.account.export(user.id);
  }

  @Delete('me')
  @HttpCode(204)
  eraseMe(@CurrentUser() user: AuthUser, @Body() dto: EraseAccountDto, @Req() req: Request): Promise<void> {
    return this.account.eraseSelf(user, dto.password, req.ip ?? 'unknown');
  }

  @Get('me/consent')
  consent(@CurrentUser() user: AuthUser): Promise<ConsentView> {
    return this.account.consent(user.id);
  }

  @Patch('me/consent')
  updateConsent(@CurrentUser() user: AuthUser, @Body() dto: UpdateConsentDto): Promise<ConsentView> {
    return this.account.updateConsent(user.id, dto);
  }

  /** The bureau answers a person's request for their data. */
  @Roles('bureau')
  @Get('users/:id/data')
  exportFor(@UuidParam('id') id: string): Promise<PersonalDataExport> {
    return this.account.export(id);
  }

  /** The bureau erases a person on their request. */
  @Roles('bureau')
  @Post('users/:id/erasure')
  @HttpCode(204)
  eraseFor(@CurrentUser() bureau: AuthUser, @UuidParam('id') id: string, @Body() dto: EraseUserDto): Promise<void> {
    return this.account.eraseOnRequest(bureau, id, dto.reason);
  }
}
