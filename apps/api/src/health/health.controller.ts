import type { ErrorCode } from '@jinan/contracts';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';

export interface HealthView {
  status: 'ok';
  database: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** 200 when the database answers within 2 s, 503 otherwise (load balancers drain us). */
  @Public()
  @SkipThrottle()
  @Get()
  async check(): Promise<HealthView> {
    try {
      await Promise.race([this.db.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new ServiceUnavailableException({ message: 'database is unreachable', code: 'DATABASE_DOWN' satisfies ErrorCode });
    }
  }
}
