import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PasswordResetAccepted, PasswordResetConfirmDto, PasswordResetRequestDto } from '@jinan/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { Environment, ENVIRONMENT, publicBaseUrl } from '../config/environment';
import { AbuseLimits } from './abuse-limits';
import { passwordResetMail } from './account-mail';
import { AccountMailer } from './account-mailer';
import { closeOpenResets, insertPasswordReset, lockOpenReset, resetRecipient, setPasswordHash } from './auth.queries';
import { revokeAllCredentials } from './credentials';
import { PasswordHasher } from './password-hasher';

/** How long a reset link works. */
export const RESET_TTL_MINUTES = 30;

const ACCEPTED: PasswordResetAccepted = { message: 'if an account uses this e-mail address, a link to reset its password has been sent to it' };

export const hashResetToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Forgotten passwords: a single-use link valid RESET_TTL_MINUTES, whose token is stored
 * only as its SHA-256. The request answers alike for known and unknown addresses; it is
 * limited per client address (429) and per account (further requests send nothing).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limits: AbuseLimits,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly mailer: AccountMailer,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async request(dto: PasswordResetRequestDto, address: string): Promise<PasswordResetAccepted> {
    await this.limits.take('resetsPerAddress', address);
    const user = await resetRecipient(this.db.manager, dto.email);
    if (!user || !(await this.limits.count('resetsPerAccount', user.id))) return ACCEPTED;
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      await insertPasswordReset(tx, user.id, hashResetToken(token), RESET_TTL_MINUTES);
      await this.audit.record(tx, { actorId: null, action: 'user.password_reset_requested', entity: 'user', entityId: user.id });
    });
    this.mailer.send(passwordResetMail(user.email, user.locale, `${publicBaseUrl(this.env)}/reset-password?token=${token}`));
    return ACCEPTED;
  }

  /** Sets the password; the link, every other open link, every token and every calendar feed of the account stop working. */
  async confirm(dto: PasswordResetConfirmDto, address: string): Promise<void> {
    const passwordHash = await this.hasher.hash(dto.password, address);
    await this.db.transaction(async (tx) => {
      const reset = await lockOpenReset(tx, hashResetToken(dto.token));
      if (!reset) {
        throw new DomainError('RESET_TOKEN_INVALID', 'this reset link is invalid, used or expired; ask for a new one', [
          { field: 'token', messages: ['token is invalid, used or expired'] },
        ]);
      }
      await closeOpenResets(tx, reset.user_id);
      await setPasswordHash(tx, reset.user_id, passwordHash);
      await revokeAllCredentials(tx, reset.user_id);
      await this.audit.record(tx, { actorId: reset.user_id, action: 'user.password_reset', entity: 'user', entityId: reset.user_id });
    });
  }
}
