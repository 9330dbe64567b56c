import type { Locale } from '@jinan/contracts';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import type { Environment } from '../config/environment';
import type { Mail } from '../notifications/mail.service';
import type { AbuseCounter, AbuseLimits } from './abuse-limits';
import type { AccountMailer } from './account-mailer';
import type { PasswordHasher } from './password-hasher';
import { hashResetToken, PasswordResetService, RESET_TTL_MINUTES } from './password-reset.service';

/** The auth domain's tables in memory: accounts and reset links (the clock is `store.now`, minutes). */
const store = {
  now: 0,
  users: [] as { id: string; email: string; locale: Locale; erased: boolean; passwordHash: string; revoked: number }[],
  resets: [] as { id: string; userId: string; tokenHash: string; expiresAt: number; used: boolean }[],
};

jest.mock('./auth.queries', () => ({
  resetRecipient: async (_db: unknown, email: string) => {
    const u = store.users.find((x) => x.email === email && !x.erased);
    return u && { id: u.id, email: u.email, locale: u.locale };
  },
  insertPasswordReset: async (_tx: unknown, userId: string, tokenHash: string, ttl: number) => {
    store.resets.push({ id: `r${store.resets.length + 1}`, userId, tokenHash, expiresAt: store.now + ttl, used: false });
  },
  lockOpenReset: async (_tx: unknown, tokenHash: string) => {
    const r = store.resets.find((x) => x.tokenHash === tokenHash && !x.used && x.expiresAt > store.now && !store.users.find((u) => u.id === x.userId)?.erased);
    return r && { id: r.id, user_id: r.userId };
  },
  closeOpenResets: async (_tx: unknown, userId: string) => {
    for (const r of store.resets) if (r.userId === userId) r.used = true;
  },
  setPasswordHash: async (_tx: unknown, userId: string, hash: string) => {
    for (const u of store.users) if (u.id === userId) u.passwordHash = hash;
  },
}));
jest.mock('./credentials', () => ({
  revokeAllCredentials: async (_tx: unknown, userId: string) => {
    for (const u of store.users) if (u.id === userId) u.revoked++;
  },
}));

/** Per-account limit 2; the per-address limit is not under test here. */
class Limits {
  readonly hits = new Map<string, number>();
  async take(): Promise<void> {
    return undefined;
  }
  async count(counter: AbuseCounter, subject: string): Promise<boolean> {
    const n = (this.hits.get(`${counter}:${subject}`) ?? 0) + 1;
    this.hits.set(`${counter}:${subject}`, n);
    return n <= 2;
  }
}

describe('PasswordResetService (rules, on the queries in memory)', () => {
  let mails: Mail[];
  let audit: { action: string; entityId: string }[];
  let service: PasswordResetService;

  beforeEach(() => {
    store.now = 0;
    store.users = [
      { id: 'u1', email: 'aiko@example.jp', locale: 'ja', erased: false, passwordHash: 'old', revoked: 0 },
      { id: 'u2', email: 'gone@example.cn', locale: 'zh-CN', erased: true, passwordHash: '!erased', revoked: 0 },
    ];
    store.resets = [];
    mails = [];
    audit = [];
    const db = { manager: {}, transaction: (work: (tx: unknown) => Promise<unknown>) => work({}) } as unknown as DataSource;
    const hasher = { hash: async (password: string) => `hash(${password})` } as unknown as PasswordHasher;
    const auditService = { record: async (_tx: unknown, entry: { action: string; entityId: string }) => void audit.push(entry) } as unknown as AuditService;
    const mailer = { send: (mail: Mail) => void mails.push(mail) } as unknown as AccountMailer;
    const env = { PUBLIC_BASE_URL: 'https://match.example/', PORT: 3000 } as Environment;
    service = new PasswordResetService(db, new Limits() as unknown as AbuseLimits, hasher, auditService, mailer, env);
  });

  const tokenOf = (mail: Mail) => /reset-password\?token=([\w-]+)/.exec(mail.text)![1];

  it('mails a link in the account language and stores only the hash of its token, valid 30 minutes', async () => {
    await service.request({ email: 'aiko@example.jp' }, '203.0.113.9');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'aiko@example.jp', subject: 'パスワードの再設定' });
    expect(mails[0].text).toContain('https://match.example/reset-password?token=');
    const token = tokenOf(mails[0]);
    expect(store.resets).toEqual([{ id: 'r1', userId: 'u1', tokenHash: hashResetToken(token), expiresAt: RESET_TTL_MINUTES, used: false }]);
    expect(store.resets[0].tokenHash).not.toContain(token);
    expect(audit).toEqual([expect.objectContaining({ action: 'user.password_reset_requested', entityId: 'u1' })]);
  });

  it('answers alike for an unknown or erased address, and sends nothing', async () => {
    const known = await service.request({ email: 'aiko@example.jp' }, 'a');
    mails = [];
    store.resets = [];
    expect(await service.request({ email: 'nobody@example.jp' }, 'a')).toEqual(known);
    expect(await service.request({ email: 'gone@example.cn' }, 'a')).toEqual(known);
    expect(mails).toEqual([]);
    expect(store.resets).toEqual([]);
  });

  it('past the per-account limit, answers alike and sends nothing more', async () => {
    for (let i = 0; i < 4; i++) await service.request({ email: 'aiko@example.jp' }, `a${i}`);
    expect(mails).toHaveLength(2);
    expect(store.resets).toHaveLength(2);
  });

  it('sets the password once: the link and every other open link are used, sessions and feeds revoked', async () => {
    await service.request({ email: 'aiko@example.jp' }, 'a');
    await service.request({ email: 'aiko@example.jp' }, 'a');
    const [first, second] = mails.map(tokenOf);
    await service.confirm({ token: second, password: 'new password 1' }, 'a');
    expect(store.users[0]).toMatchObject({ passwordHash: 'hash(new password 1)', revoked: 1 });
    expect(store.resets.map((r) => r.used)).toEqual([true, true]);
    expect(audit.at(-1)).toMatchObject({ action: 'user.password_reset', entityId: 'u1' });
    for (const token of [first, second]) {
      await expect(service.confirm({ token, password: 'another one 2' }, 'a')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
    }
    expect(store.users[0].passwordHash).toBe('hash(new password 1)');
  });

  it('refuses an expired link or an unknown token (RESET_TOKEN_INVALID, naming the field) and changes nothing', async () => {
    await service.request({ email: 'aiko@example.jp' }, 'a');
    store.now = RESET_TTL_MINUTES;
    const expired = service.confirm({ token: tokenOf(mails[0]), password: 'new password 1' }, 'a');
    await expect(expired).rejects.toBeInstanceOf(DomainError);
    await expect(expired).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID', details: [{ field: 'token' }] });
    await expect(service.confirm({ token: 'made-up', password: 'new password 1' }, 'a')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
    expect(store.users[0]).toMatchObject({ passwordHash: 'old', revoked: 0 });
  });
});
