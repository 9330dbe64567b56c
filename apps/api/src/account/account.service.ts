import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConsentView, PersonalDataExport, UpdateConsentDto } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { erasePerson, EXPORT_SECTIONS } from './account.queries';

/** A person's rights over their data (PIPL / APPI): see it all, take it away, withdraw consent. See docs/privacy.md. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** Everything stored about the person, as JSON. Read in one repeatable-read snapshot so the sections agree. */
  async export(userId: string): Promise<PersonalDataExport> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [user] = await tx.query(`SELECT organization_id, consent, anonymised_at FROM users WHERE id = $1`, [userId]);
      if (!user || user.anonymised_at) throw new DomainError('NOT_FOUND', `no user ${userId}`);
      const rows = async (sql: string) => tx.query(sql, sql.includes('$2') ? [userId, user.organization_id] : [userId]) as Promise<Record<string, unknown>[]>;
      const [profile] = await rows(EXPORT_SECTIONS.profile);
      const [organization] = user.organization_id ? await rows(EXPORT_SECTIONS.organization) : [];
      const meetings = user.organization_id ? await rows(EXPORT_SECTIONS.meetings) : [];
      return {
        exportedAt: new Date().toISOString(),
        profile,
        consent: consentView(user.consent),
        organization: organization ? withoutSearchText(organization) : null,
        meetings: [...meetings, ...(await rows(EXPORT_SECTIONS.meetingActions)).map((a) => ({ ...a, kind: 'your action' }))],
        messages: await rows(EXPORT_SECTIONS.messages),
        feedback: await rows(EXPORT_SECTIONS.feedback),
        notifications: await rows(EXPORT_SECTIONS.notifications),
        auditEntries: await rows(EXPORT_SECTIONS.auditEntries),
        calendarFeeds: await rows(EXPORT_SECTIONS.calendarFeeds),
        passwordResets: await rows(EXPORT_SECTIONS.passwordResets),
      };
    });
  }

  /** DELETE /api/me: the person's own password confirms it (a borrowed session alone cannot erase). */
  async eraseSelf(caller: AuthUser, password: string, address: string): Promise<void> {
    const [row] = await this.db.query(`SELECT password_hash FROM users WHERE id = $1 AND anonymised_at IS NULL`, [caller.id]);
    if (!row || !(await this.hasher.verify(row.password_hash, password, address))) {
      throw new DomainError('WRONG_PASSWORD', 'password is wrong', [{ field: 'password', messages: ['password is wrong'] }]);
    }
    await this.erase(caller.id, caller.id, { requestedBy: 'the person' });
  }

  /** The bureau erases a person on their request (by mail, at the desk), recording why. */
  async eraseOnRequest(bureau: AuthUser, userId: string, reason: string): Promise<void> {
    const [row] = await this.db.query(`SELECT role FROM users WHERE id = $1 AND anonymised_at IS NULL`, [userId]);
    if (!row) throw new DomainError('NOT_FOUND', `no user ${userId}`);
    await this.erase(userId, bureau.id, { requestedBy: 'the bureau on the person\u2019s request', reason });
  }

  async consent(userId: string): Promise<ConsentView> {
    const [row] = await this.db.query(`SELECT consent FROM users WHERE id = $1`, [userId]);
    return consentView(row.consent);
  }

  /** Grants or withdraws the optional consent; takes effect at once (contact details are read with it). */
  async updateConsent(userId: string, dto: UpdateConsentDto): Promise<ConsentView> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT consent FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      const before = consentView(row.consent);
      const after = { ...before, shareContactWithAcceptedCounterparts: dto.shareContactWithAcceptedCounterparts, recordedAt: new Date().toISOString() };
      await tx.query(`UPDATE users SET consent = $2, updated_at = now() WHERE id = $1`, [userId, JSON.stringify(after)]);
      await this.audit.record(tx, {
        actorId: userId,
        action: 'user.consent_changed',
        entity: 'user',
        entityId: userId,
        details: {
          shareContactWithAcceptedCounterparts: { from: before.shareContactWithAcceptedCounterparts, to: after.shareContactWithAcceptedCounterparts },
        },
      });
      return after;
    });
  }

  private async erase(userId: string, actorId: string, details: Record<string, unknown>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      await erasePerson(tx, userId);
      // Written after erasePerson blanked the older rows' details: this one says what happened and stays.
      await this.audit.record(tx, { actorId, action: 'user.erased', entity: 'user', entityId: userId, details });
    });
  }
}

function consentView(consent: Record<string, unknown> | null): ConsentView {
  return {
    shareProfile: consent?.['shareProfile'] === true,
    shareContactWithAcceptedCounterparts: consent?.['shareContactWithAcceptedCounterparts'] === true,
    recordedAt: typeof consent?.['recordedAt'] === 'string' ? (consent['recordedAt'] as string) : null,
  };
}

function withoutSearchText(row: Record<string, unknown>): Record<string, unknown> {
  const { search_text: _ignored, ...rest } = row;
  return rest;
}
