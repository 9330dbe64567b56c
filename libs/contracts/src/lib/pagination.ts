import { IsOptional } from 'class-validator';
import { LIMITS } from './validation';
import { IntIn } from './fields';

export class PageQueryDto {
  @IsOptional()
  @IntIn(1, 100000)
  page?: number;

  @IsOptional()
  @IntIn(1, LIMITS.pageSizeMax)
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
