import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Writing the audit trail, for every module (reading it: audit-trail/). */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
