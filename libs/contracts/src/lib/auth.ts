import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsDefined, IsEmail, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LOCALES, Locale, Role } from './enums';
import { OrganizationProfileDto } from './organizations';
import { LIMITS, named } from './validation';
import { OneOf, Text } from './fields';

/** A password being chosen (registration, change, reset): the one length rule. */
function NewPassword(): PropertyDecorator {
  return (target, key) => {
    IsString(named('must be a string'))(target, key);
    MinLength(LIMITS.passwordMin, named(`must be at least ${LIMITS.passwordMin} characters`))(target, key);
    MaxLength(LIMITS.passwordMax, named(`must be at most ${LIMITS.passwordMax} characters`))(target, key);
  };
}

export class LoginDto {
  @IsEmail({}, named('must be an email address'))
  @MaxLength(LIMITS.email, named(`must be at most ${LIMITS.email} characters`))
  email!: string;

  @Text(LIMITS.passwordMax, 1)
  password!: string;
}

/** What the registrant agrees to share, recorded with the account (PIPL / APPI). */
export class ConsentDto {
  /** Profile and offers visible to registered participants. */
  @Equals(true, named('must be accepted to register'))
  shareProfile!: boolean;

  /** Contact details visible to a counterpart once a meeting is accepted. */
  @IsOptional()
  @IsIn([true, false], named('must be true or false'))
  shareContactWithAcceptedCounterparts?: boolean;
}

export class RegisterDto {
  @IsEmail({}, named('must be an email address'))
  @MaxLength(LIMITS.email, named(`must be at most ${LIMITS.email} characters`))
  email!: string;

  @NewPassword()
  password!: string;

  @Text(LIMITS.name, 1)
  fullName!: string;

  /** Public registration creates delegates only; bureau accounts come from the seed or CLI. */
  @OneOf(['jp', 'cn'])
  role!: 'jp' | 'cn';

  @IsOptional()
  @Text(40)
  phone?: string;

  @IsOptional()
  @OneOf(LOCALES)
  locale?: Locale;

  @IsOptional()
  @Text(64)
  timeZone?: string;

  @IsDefined(named('is required'))
  @IsObject(named('must be an object'))
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;

  @IsDefined(named('is required'))
  @IsObject(named('must be an object'))
  @ValidateNested()
  @Type(() => OrganizationProfileDto)
  organization!: OrganizationProfileDto;
}

export class UpdateMeDto {
  @IsOptional()
  @OneOf(LOCALES)
  locale?: Locale;

  @IsOptional()
  @Text(64)
  timeZone?: string;

  @IsOptional()
  @Text(LIMITS.name, 1)
  fullName?: string;

  @IsOptional()
  @Text(40)
  phone?: string;

  /** false: reminders only in the app, no reminder e-mails. */
  @IsOptional()
  @IsBoolean(named('must be true or false'))
  emailReminders?: boolean;
}

export class ChangePasswordDto {
  @Text(LIMITS.passwordMax)
  currentPassword!: string;

  @NewPassword()
  newPassword!: string;
}

export interface SessionUser {
  id: string;
  role: Role;
  organizationId: string | null;
  locale: Locale;
  timeZone: string;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface MeView extends SessionUser {
  email: string;
  fullName: string;
  phone: string | null;
  emailReminders: boolean;
}

/** POST /api/auth/register answers this whether or not the e-mail was already registered. */
export interface RegistrationAccepted {
  message: string;
}

export class PasswordResetRequestDto {
  @IsEmail({}, named('must be an email address'))
  @MaxLength(LIMITS.email, named(`must be at most ${LIMITS.email} characters`))
  email!: string;
}

/** POST /api/auth/password-reset always answers 202 with this body (it never tells whether the e-mail is known). */
export interface PasswordResetAccepted {
  message: string;
}

export class PasswordResetConfirmDto {
  @Text(200, 1)
  token!: string;

  @NewPassword()
  password!: string;
}

/** DELETE /api/me: the account's password, so a borrowed session cannot erase it. */
export class EraseAccountDto {
  @Text(LIMITS.passwordMax, 1)
  password!: string;
}

/** What the person agreed to share, and when (PIPL / APPI). */
export interface ConsentView {
  shareProfile: boolean;
  shareContactWithAcceptedCounterparts: boolean;
  recordedAt: string | null;
}

/**
 * Grants or withdraws the optional consent. The consent to show the profile is what
 * registration rests on: it is withdrawn by erasing the account (DELETE /api/me).
 */
export class UpdateConsentDto {
  @IsIn([true, false], named('must be true or false'))
  shareContactWithAcceptedCounterparts!: boolean;
}

/** Bureau erasure on a person's request: why, for the record. */
export class EraseUserDto {
  @Text(500, 1)
  reason!: string;
}

/** GET /api/me/data: everything stored about the person, section by section. */
export interface PersonalDataExport {
  exportedAt: string;
  profile: Record<string, unknown>;
  consent: ConsentView;
  organization: Record<string, unknown> | null;
  meetings: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  feedback: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  auditEntries: Record<string, unknown>[];
  calendarFeeds: Record<string, unknown>[];
  passwordResets: Record<string, unknown>[];
}
