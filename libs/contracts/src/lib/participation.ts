import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsISO8601, ValidateNested } from 'class-validator';
import { named } from './validation';

export class HalfDayAttendanceDto {
  /** Start of a negotiation half-day, as listed in ParticipationView.halfDays. */
  @IsISO8601({ strict: true }, named('must be an ISO 8601 date-time with offset'))
  startsAt!: string;

  @IsBoolean(named('must be true or false'))
  attending!: boolean;
}

/** Which half-days an organization attends and whether it joins the park visit. */
export class UpdateParticipationDto {
  @IsArray(named('must be an array'))
  @ArrayMaxSize(20, named('must list at most 20 half-days'))
  @ValidateNested({ each: true })
  @Type(() => HalfDayAttendanceDto)
  halfDays!: HalfDayAttendanceDto[];

  @IsBoolean(named('must be true or false'))
  joinsSiteVisit!: boolean;
}

export interface HalfDayView {
  startsAt: string;
  endsAt: string;
  attending: boolean;
}

export interface ParticipationView {
  editionId: string;
  organizationId: string;
  halfDays: HalfDayView[];
  joinsSiteVisit: boolean;
  siteVisit: { startsAt: string; endsAt: string } | null;
}
