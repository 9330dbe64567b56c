import { Global, Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { AuditController } from './audit.controller';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';

@Global()
@Module({ imports: [ExportsModule], controllers: [AuditController], providers: [AuditService, AuditTrailService], exports: [AuditService] })
export class AuditModule {}
