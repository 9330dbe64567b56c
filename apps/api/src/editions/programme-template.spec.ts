import { DateTime } from 'luxon';
import { programmeFromTemplate, slotsFor } from './programme-template';

describe('programmeFromTemplate for the 2027 edition in Asia/Shanghai', () => {
  const plans = programmeFromTemplate({ startDate: '2027-05-27', timeZone: 'Asia/Shanghai', slotMinutes: 20, tablesPerSession: 40, interpretersPerSession: 4 });

  it('has one plenary, nine sector negotiations (3 sectors × 3 half-days), one site visit and two breaks', () => {
    const count = (kind: string) => plans.filter((p) => p.kind === kind).length;
    expect([count('plenary'), count('negotiation'), count('site_visit'), count('break')]).toEqual([1, 9, 1, 2]);
  });

  it('opens the plenary at 09:00 Shanghai, which is 01:00 UTC', () => {
    const plenary = plans.find((p) => p.kind === 'plenary')!;
    expect(plenary.startsAt.toUTC().toISO()).toBe('2027-05-27T01:00:00.000Z');
  });

  it('runs day 2 afternoon negotiations beside the park visit', () => {
    const visit = plans.find((p) => p.kind === 'site_visit')!;
    expect(visit.startsAt.toISO()).toBe('2027-05-28T13:30:00.000+08:00');
  });
});

describe('slotsFor: 20-minute slots', () => {
  const zone = 'Asia/Shanghai';
  const t = (hhmm: string) => DateTime.fromISO(`2027-05-27T${hhmm}`, { zone });

  it('fills 13:30–17:30 with 12 slots (240 min ÷ 20)', () => {
    const slots = slotsFor(t('13:30'), t('17:30'), 20);
    expect(slots).toHaveLength(12);
    expect(slots[11].endsAt.toISO()).toBe('2027-05-27T17:30:00.000+08:00');
  });

  it('drops the partial slot at the end: 09:00–10:10 holds 3 slots, not 3.5', () => {
    expect(slotsFor(t('09:00'), t('10:10'), 20)).toHaveLength(3);
  });

  it('skips a 15:10–15:30 coffee break and resumes after it', () => {
    const slots = slotsFor(t('14:30'), t('16:10'), 20, [{ startsAt: t('15:10'), endsAt: t('15:30') }]);
    // 14:30, 14:50, [break 15:10–15:30], 15:30, 15:50 → 4 slots
    expect(slots.map((s) => s.startsAt.toFormat('HH:mm'))).toEqual(['14:30', '14:50', '15:30', '15:50']);
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });
});
