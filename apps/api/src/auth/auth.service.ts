import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangePasswordDto, LoginDto, LoginResponse, MeView, RegisterDto, RegistrationAccepted, SessionUser, UpdateMeDto } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { changes } from '../audit/changes';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { Environment, ENVIRONMENT, publicBaseUrl } from '../config/environment';
import { OrganizationsService } from '../organizations/organizations.service';
import { User } from '../users/user.entity';
import { revokeAllCredentials } from './credentials';
import {
  bumpTokenVersion,
  insertUser,
  loginUser,
  purgeExpiredRevocations,
  revokeToken,
  updateUser,
  userByEmail,
  userById,
  userWithPasswordHash,
} from './auth.queries';
import { AbuseLimits } from './abuse-limits';
import { emailTakenMail } from './account-mail';
import { AccountMailer } from './account-mailer';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { isIanaZone } from '../common/time/iana-zone';

const DEFAULT_ZONE = { jp: 'Asia/Tokyo', cn: 'Asia/Shanghai', bureau: 'Asia/Shanghai' } as const;
const DEFAULT_LOCALE = { jp: 'ja', cn: 'zh-CN', bureau: 'zh-CN' } as const;

const REGISTRATION_ACCEPTED =
  'registration received: log in with your e-mail and password; if the address already had an account, its owner has been told by e-mail';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both paths take the same time. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly organizations: OrganizationsService,
    private readonly limits: AbuseLimits,
    private readonly audit: AuditService,
    private readonly accountMail: AccountMailer,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /**
   * Cheap refusal first: an address over its failed-login limit is answered 429 from one
   * indexed read, before any user lookup or argon2 work. Every failure counts against the
   * address whatever the e-mail (random e-mails no longer buy fresh attempts).
   */
  async login(dto: LoginDto, address: string): Promise<LoginResponse> {
    await this.limits.check('loginFailuresPerAddress', address);
    const user = await loginUser(this.db.manager, dto.email);
    this.dummyHash ??= this.hasher.hash('not-a-real-password');
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), dto.password, address);
    if (!user || !ok) {
      await this.limits.count('loginFailuresPerAddress', address);
      throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong');
    }
    return { accessToken: await this.tokens.issue(user.id, user.tokenVersion), user: sessionUser(user) };
  }

  /**
   * A delegate account and its organization, pending bureau verification. Answers the
   * same whether or not the e-mail is taken (no enumeration): a new account is created;
   * for a taken one the owner is told by mail instead. Both paths hash the password, so
   * they take the same time. The registrant logs in next (the web app does it at once).
   */
  async register(dto: RegisterDto, address: string): Promise<RegistrationAccepted> {
    await this.limits.take('registrationsPerAddress', address);
    const timeZone = dto.timeZone ?? DEFAULT_ZONE[dto.role];
    assertZone(timeZone);
    const passwordHash = await this.hasher.hash(dto.password, address);
    const taken = await this.db.transaction(async (tx) => {
      const existing = await userByEmail(tx, dto.email);
      if (existing) return existing;
      const organization = await this.organizations.createForRegistration(tx, dto.role === 'jp' ? 'JP' : 'CN', dto.organization);
      const user = await insertUser(tx, {
        email: dto.email,
        passwordHash,
        role: dto.role,
        organizationId: organization.id,
        fullName: dto.fullName,
        phone: dto.phone ?? null,
        locale: dto.locale ?? DEFAULT_LOCALE[dto.role],
        timeZone,
        tokenVersion: 0,
        consent: {
          shareProfile: dto.consent.shareProfile,
          shareContactWithAcceptedCounterparts: dto.consent.shareContactWithAcceptedCounterparts ?? false,
          recordedAt: new Date().toISOString(),
        },
      });
      await this.audit.record(tx, {
        actorId: user.id,
        action: 'user.registered',
        entity: 'user',
        entityId: user.id,
        details: { organizationId: organization.id },
      });
      return null;
    });
    if (taken && !taken.anonymisedAt) this.accountMail.send(emailTakenMail(taken.email, taken.locale, publicBaseUrl(this.env)));
    return { message: REGISTRATION_ACCEPTED };
  }

  /** Revokes the token this request came with (other sessions stay). */
  async logout(user: AuthUser): Promise<void> {
    const { tokenId, expiresAt } = user.session ?? { tokenId: null, expiresAt: null };
    await this.db.transaction(async (tx) => {
      if (tokenId) {
        await revokeToken(tx, tokenId, user.id, expiresAt ?? Date.now() / 1000 + 86_400);
      } else {
        // A token from before token ids: only ending every session revokes it.
        await bumpTokenVersion(tx, user.id);
      }
      await purgeExpiredRevocations(tx);
      await this.audit.record(tx, { actorId: user.id, action: 'user.logged_out', entity: 'user', entityId: user.id });
    });
  }

  async me(userId: string): Promise<MeView> {
    return meView(await userById(this.db.manager, userId));
  }

  async updateMe(userId: string, dto: UpdateMeDto): Promise<MeView> {
    if (dto.timeZone !== undefined) assertZone(dto.timeZone);
    return this.db.transaction(async (tx) => {
      const before = await userById(tx, userId);
      await updateUser(tx, userId, dto);
      const after = await userById(tx, userId);
      await this.audit.record(tx, {
        actorId: userId,
        action: 'user.profile_updated',
        entity: 'user',
        entityId: userId,
        details: changes(before, after, Object.keys(dto)),
      });
      return meView(after);
    });
  }

  /** Changes the password and revokes every token and calendar feed issued before; returns a fresh token. */
  async changePassword(userId: string, dto: ChangePasswordDto, address: string): Promise<LoginResponse> {
    const user = await userWithPasswordHash(this.db.manager, userId);
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword, address))) {
      throw new DomainError('WRONG_PASSWORD', 'currentPassword is wrong');
    }
    const passwordHash = await this.hasher.hash(dto.newPassword, address);
    await this.db.transaction(async (tx) => {
      await updateUser(tx, userId, { passwordHash });
      await revokeAllCredentials(tx, userId);
      await this.audit.record(tx, { actorId: userId, action: 'user.password_changed', entity: 'user', entityId: userId });
    });
    const updated = await userById(this.db.manager, userId);
    return { accessToken: await this.tokens.issue(updated.id, updated.tokenVersion), user: sessionUser(updated) };
  }
}

function assertZone(zone: string): void {
  if (!isIanaZone(zone)) {
    throw new DomainError('INVALID_TIME_ZONE', `timeZone must be an IANA zone such as Asia/Tokyo`, [
      { field: 'timeZone', messages: ['timeZone must be an IANA zone such as Asia/Tokyo'] },
    ]);
  }
}

function sessionUser(user: User): SessionUser {
  return {
    id: user.id,
    role: user.role,
    organizationId: user.organizationId,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

function meView(user: User): MeView {
  return { ...sessionUser(user), email: user.email, fullName: user.fullName, phone: user.phone, emailReminders: user.emailReminders };
}
