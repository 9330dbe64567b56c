import { answerDeadline, editionEnded } from './answer-deadline';

/** Thursday 28 and Friday 29 May 2026 in Ji'nan (UTC+8): the event starts 2026-05-27T16:00Z. */
const EDITION = { startDate: '2026-05-28', endDate: '2026-05-29', timeZone: 'Asia/Shanghai' };
const at = (iso: string) => new Date(iso);

describe('answer deadlines', () => {
  it('gives the party the whole window when the event is far away', () => {
    expect(answerDeadline(at('2026-05-01T00:00:00Z'), EDITION, 72).toISOString()).toBe('2026-05-04T00:00:00.000Z');
  });

  it('never runs past the start of the event (midnight of its first day, in its zone)', () => {
    expect(answerDeadline(at('2026-05-26T12:00:00Z'), EDITION, 72).toISOString()).toBe('2026-05-27T16:00:00.000Z');
  });

  it('during the event, answers are due by its end (midnight after its last day)', () => {
    expect(answerDeadline(at('2026-05-28T02:00:00Z'), EDITION, 72).toISOString()).toBe('2026-05-29T16:00:00.000Z');
    expect(answerDeadline(at('2026-05-28T02:00:00Z'), EDITION, 2).toISOString()).toBe('2026-05-28T04:00:00.000Z');
  });

  it('reads the dates in the edition zone, not the machine zone', () => {
    const tokyo = { ...EDITION, timeZone: 'Asia/Tokyo' };
    expect(answerDeadline(at('2026-05-26T12:00:00Z'), tokyo, 72).toISOString()).toBe('2026-05-27T15:00:00.000Z');
  });
});

describe('the edition is over', () => {
  it('at midnight after its last day in its zone, not before', () => {
    expect(editionEnded(at('2026-05-29T15:59:59Z'), EDITION)).toBe(false);
    expect(editionEnded(at('2026-05-29T16:00:00Z'), EDITION)).toBe(true);
  });
});
