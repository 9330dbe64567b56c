import { Module } from '@nestjs/common';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

/** Personal data rights; PasswordHasher comes from the (global) auth module, AuditService is global. */
@Module({ controllers: [AccountController], providers: [AccountService] })
export class AccountModule {}
