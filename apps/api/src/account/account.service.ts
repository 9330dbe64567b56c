import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConsentView, PersonalDataExport, UpdateConsentDto } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { activePasswordHash, consentOf, erasePerson, exportSection, isActiveUser, lockUser, personForExport, saveConsent } from './account.queries';

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
      const user = await personForExport(tx, userId);
      if (!user || user.anonymised_at) throw new DomainError('NOT_FOUND', `no user ${userId}`);
      const rows = (section: Parameters<typeof exportSection>[1]) => exportSection(tx, section, userId, user.organization_id);
      const [profile] = await rows('profile');
      const [organization] = user.organization_id ? await rows('organization') : [];
      const meetings = user.organization_id ? await rows('meetings') : [];
      return {
        exportedAt: new Date().toISOString(),
        profile,
        consent: consentView(user.consent),
        organization: organization ? withoutSearchText(organization) : null,
        meetings: [...meetings, ...(await rows('meetingActions')).map((a) => ({ ...a, kind: 'your action' }))],
        messages: await rows('messages'),
        feedback: await rows('feedback'),
        notifications: await rows('notifications'),
        auditEntries: await rows('auditEntries'),
        calendarFeeds: await rows('calendarFeeds'),
        passwordResets: await rows('passwordResets'),
      };
    });
  }

  /** DELETE /api/me: the person's own password confirms it (a borrowed session alone cannot erase). */
  async eraseSelf(caller: AuthUser, password: string, address: string): Promise<void> {
    const hash = await activePasswordHash(this.db.manager, caller.id);
    if (hash === undefined || !(await this.hasher.verify(hash, password, address))) {
      throw new DomainError('WRONG_PASSWORD', 'password is wrong', [{ field: 'password', messages: ['password is wrong'] }]);
    }
    await this.erase(caller.id, caller.id, { requestedBy: 'the person' });
  }

  /** The bureau erases a person on their request (by mail, at the desk), recording why. */
  async eraseOnRequest(bureau: AuthUser, userId: string, reason: string): Promise<void> {
    if (!(await isActiveUser(this.db.manager, userId))) throw new DomainError('NOT_FOUND', `no user ${userId}`);
    await this.erase(userId, bureau.id, { requestedBy: 'the bureau on the person\u2019s request', reason });
  }

  async consent(userId: string): Promise<ConsentView> {
    return consentView(await consentOf(this.db.manager, userId));
  }

  /** Grants or withdraws the optional consent; takes effect at once (contact details are read with it). */
  async updateConsent(userId: string, dto: UpdateConsentDto): Promise<ConsentView> {
    return this.db.transaction(async (tx) => {
      const before = consentView(await consentOf(tx, userId, true));
      const after = { ...before, shareContactWithAcceptedCounterparts: dto.shareContactWithAcceptedCounterparts, recordedAt: new Date().toISOString() };
      await saveConsent(tx, userId, after);
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
      await lockUser(tx, userId);
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
