import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMITS, named } from './validation';

export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(100000, named('must be at most 100000'))
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(named('must be an integer'))
  @Min(1, named('must be at least 1'))
  @Max(LIMITS.pageSizeMax, named(`must be at most ${LIMITS.pageSizeMax}`))
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
