import { meetingWeight } from './weight';

describe('meeting weights from priority and match score', () => {
  it('range from 100 to 175, so one heavy meeting never outweighs two light ones', () => {
    expect(meetingWeight(1, 0)).toBe(100); // 100 + 0 + 0
    expect(meetingWeight(2, 80)).toBe(145); // 100 + 25 + 20
    expect(meetingWeight(3, 100)).toBe(175); // 100 + 50 + 25
    expect(meetingWeight(3, 140)).toBe(175); // scores above 100 count as 100
    expect(2 * meetingWeight(1, 0)).toBeGreaterThan(meetingWeight(3, 100));
  });
});
