import { generateInstance, TIERS } from './generate-instance';

describe('tier S from seed 1', () => {
  it('has the tier shape and comes out the same twice', () => {
    const input = generateInstance('S', 1);
    expect(input.organizations).toHaveLength(150);
    expect(input.meetings).toHaveLength(500);
    expect(input.sessions).toHaveLength(1);
    expect(input.sessions[0].slots).toHaveLength(24);
    expect(input.sessions[0].tables).toBe(30);
    expect(generateInstance('S', 1)).toEqual(input);
    expect(generateInstance('S', 2)).not.toEqual(input);
  });
});

describe('tier M from seed 1', () => {
  it('is a realistic, over-requested event', () => {
    const input = generateInstance('M', 1);
    const { organizations, meetings } = input;
    // requests against tables × slots: 2,500 / (40 × 36 = 1,440) ≈ 1.74
    const tableSlots = TIERS.M.tables * TIERS.M.slots;
    expect(meetings.length / tableSlots).toBeGreaterThanOrEqual(1.5);
    expect(meetings.length / tableSlots).toBeLessThanOrEqual(2);
    // a quarter present only one day or one half-day (absent for a whole half-day or more)
    const partial = organizations.filter((o) => o.absences.some((r) => r.end - r.start >= 3 * 3_600_000)).length;
    expect(partial / organizations.length).toBeGreaterThanOrEqual(0.2);
    expect(partial / organizations.length).toBeLessThanOrEqual(0.3);
    expect(organizations.some((o) => o.delegates === 2)).toBe(true);
    expect(organizations.some((o) => o.delegates === 3)).toBe(true);
    // Zipf: the most requested organisation is in far more requests than the median one
    const requests = new Map<string, number>();
    for (const m of meetings) for (const id of m.organizationIds) requests.set(id, (requests.get(id) ?? 0) + 1);
    const counts = [...requests.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);
  });
});
