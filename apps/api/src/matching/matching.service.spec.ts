import { AuthUser } from '../common/auth/auth-user';
import { errorCodeOf as codeOf } from '../common/errors/error-code-of';
import { recommendationsFirm } from './matching.service';

const user = (role: AuthUser['role'], organizationId: string | null): AuthUser => ({ id: 'u', role, organizationId, timeZone: 'Asia/Tokyo' });

describe('whose recommendations a caller reads', () => {
  it('a Japanese firm its own, named or not', () => {
    expect(recommendationsFirm(user('jp', 'jp1'), undefined)).toBe('jp1');
    expect(recommendationsFirm(user('jp', 'jp1'), 'jp1')).toBe('jp1');
  });

  it("not another firm's (MATCHING_NOT_YOUR_FIRM), nor a Ji'nan company's", () => {
    expect(codeOf(() => recommendationsFirm(user('jp', 'jp1'), 'jp2'))).toBe('MATCHING_NOT_YOUR_FIRM');
    expect(codeOf(() => recommendationsFirm(user('cn', 'cn1'), undefined))).toBe('MATCHING_NOT_YOUR_FIRM');
    expect(codeOf(() => recommendationsFirm(user('cn', 'cn1'), 'cn1'))).toBe('MATCHING_NOT_YOUR_FIRM');
  });

  it('the bureau any firm it names, and must name one (MATCHING_ORGANIZATION_REQUIRED, on the field)', () => {
    expect(recommendationsFirm(user('bureau', null), 'jp2')).toBe('jp2');
    expect(codeOf(() => recommendationsFirm(user('bureau', null), undefined))).toBe('MATCHING_ORGANIZATION_REQUIRED');
    expect(() => recommendationsFirm(user('bureau', null), undefined)).toThrow(
      expect.objectContaining({ details: [{ field: 'organizationId', messages: expect.any(Array) }] }),
    );
  });
});
