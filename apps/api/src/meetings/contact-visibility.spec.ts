import 'reflect-metadata';
import { MEETING_STATUSES, MeetingStatus } from '@jinan/contracts';
import { contactsVisible, Viewer } from './meeting.view';

const JP = 'jp-org';
const CN = 'cn-org';
const jpViewer: Viewer = { side: 'jp', organizationId: JP };
const bureau: Viewer = { side: 'bureau', organizationId: null };
const AFTER_ACCEPTANCE: MeetingStatus[] = ['accepted', 'scheduled', 'confirmed', 'held', 'no_show'];

describe("a counterpart's contact details (docs/product.md §8)", () => {
  it.each(MEETING_STATUSES.map((s) => [s]))('%s: shown to the other party only from acceptance on', (status) => {
    expect(contactsVisible(jpViewer, status, CN)).toBe(AFTER_ACCEPTANCE.includes(status));
  });

  it('always shown to the bureau and to the delegate’s own organisation', () => {
    for (const status of MEETING_STATUSES) {
      expect(contactsVisible(bureau, status, CN)).toBe(true);
      expect(contactsVisible(jpViewer, status, JP)).toBe(true);
    }
  });
});
