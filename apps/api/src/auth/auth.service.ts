import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangePasswordDto, LoginDto, LoginResponse, MeView, RegisterDto, SessionUser, UpdateMeDto } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { OrganizationsService } from '../organizations/organizations.service';
import { User } from '../users/user.entity';
import { revokeAllCredentials } from './credentials';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { isIanaZone } from '../common/time/iana-zone';

const DEFAULT_ZONE = { jp: 'Asia/Tokyo', cn: 'Asia/Shanghai', bureau: 'Asia/Shanghai' } as const;
const DEFAULT_LOCALE = { jp: 'ja', cn: 'zh-CN', bureau: 'zh-CN' } as const;

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both paths take the same time. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly organizations: OrganizationsService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.anonymised_at IS NULL', { email: dto.email })
      .getOne();
    this.dummyHash ??= this.hasher.hash('not-a-real-password');
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), dto.password);
    if (!user || !ok) throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong');
    return { accessToken: await this.tokens.issue(user.id, user.tokenVersion), user: sessionUser(user) };
  }

  /** A delegate account and its organization, pending bureau verification. */
  async register(dto: RegisterDto): Promise<LoginResponse> {
    const timeZone = dto.timeZone ?? DEFAULT_ZONE[dto.role];
    assertZone(timeZone);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.db.transaction(async (tx) => {
      if (await tx.getRepository(User).exists({ where: { email: dto.email } })) {
        throw new DomainError('EMAIL_TAKEN', 'email is already registered');
      }
      const organization = await this.organizations.createForRegistration(tx, dto.role === 'jp' ? 'JP' : 'CN', dto.organization);
      return tx.getRepository(User).save(
        tx.getRepository(User).create({
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
        }),
      );
    });
    return { accessToken: await this.tokens.issue(user.id, user.tokenVersion), user: sessionUser(user) };
  }

  async me(userId: string): Promise<MeView> {
    return meView(await this.db.getRepository(User).findOneByOrFail({ id: userId }));
  }

  async updateMe(userId: string, dto: UpdateMeDto): Promise<MeView> {
    if (dto.timeZone !== undefined) assertZone(dto.timeZone);
    const repo = this.db.getRepository(User);
    await repo.update({ id: userId }, dto);
    return meView(await repo.findOneByOrFail({ id: userId }));
  }

  /** Changes the password and revokes every token and calendar feed issued before; returns a fresh token. */
  async changePassword(userId: string, dto: ChangePasswordDto): Promise<LoginResponse> {
    const repo = this.db.getRepository(User);
    const user = await repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: userId }).getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'currentPassword is wrong');
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(User).update({ id: userId }, { passwordHash });
      await revokeAllCredentials(tx, userId);
    });
    const updated = await repo.findOneByOrFail({ id: userId });
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
