import { errorCodeOf as codeOf } from '../common/errors/error-code-of';
import { assertKeyProjectMeeting, keyProjectText, signedOutcomeOrRefuse } from './key-project-rules';

describe('which meeting can be a key project', () => {
  it('one that takes or took place: accepted, scheduled, confirmed or held', () => {
    for (const status of ['accepted', 'scheduled', 'confirmed', 'held']) expect(codeOf(() => assertKeyProjectMeeting('m1', { status }))).toBeUndefined();
  });

  it('not one still pending or that will not take place (409 KEY_PROJECT_MEETING_NOT_TAKING_PLACE, naming the status)', () => {
    for (const status of ['requested', 'approved', 'proposed', 'rejected', 'declined', 'cancelled', 'expired', 'no_show']) {
      expect(codeOf(() => assertKeyProjectMeeting('m1', { status }))).toBe('KEY_PROJECT_MEETING_NOT_TAKING_PLACE');
    }
    expect(() => assertKeyProjectMeeting('m1', { status: 'declined' })).toThrow('a declined meeting cannot be a key project');
  });

  it('not a meeting of another edition or none at all (404 KEY_PROJECT_MEETING_NOT_FOUND)', () => {
    expect(codeOf(() => assertKeyProjectMeeting('m9', undefined))).toBe('KEY_PROJECT_MEETING_NOT_FOUND');
  });
});

describe('a key project from a signed outcome', () => {
  it("cites the party's answer reporting the signature", () => {
    expect(signedOutcomeOrRefuse('f1')).toBe('f1');
  });

  it('is refused when no party reported a signed agreement (KEY_PROJECT_NO_SIGNED_OUTCOME)', () => {
    expect(codeOf(() => signedOutcomeOrRefuse(undefined))).toBe('KEY_PROJECT_NO_SIGNED_OUTCOME');
  });
});

describe('the stored text of a key project', () => {
  it('trims the three titles and each signing party', () => {
    expect(keyProjectText({ titleZh: ' 合作 ', titleJa: '提携\n', titleEn: '  Partnership', signingParties: [' 济南公司 ', '日本株式会社 '] })).toEqual({
      title: { zh: '合作', ja: '提携', en: 'Partnership' },
      signingParties: ['济南公司', '日本株式会社'],
    });
  });
});
