import { Module } from '@nestjs/common';
import { CsvModule } from '../common/csv/csv.module';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';

/**
 * The bureau's reading of the audit trail (list and CSV). Apart from the audit module,
 * which only writes entries, so every domain may record without depending on a reader
 * that itself needs the editions.
 */
@Module({ imports: [CsvModule], controllers: [AuditTrailController], providers: [AuditTrailService] })
export class AuditTrailModule {}
