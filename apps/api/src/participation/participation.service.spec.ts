import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { HalfDayRow, ParticipationRepository, TimeBlock } from './participation.repository';
import { ParticipationService } from './participation.service';

const EDITION = 'e1';
const THU_AM: TimeBlock = { starts_at: new Date('2026-05-28T01:00:00Z'), ends_at: new Date('2026-05-28T04:00:00Z') };
const THU_PM: TimeBlock = { starts_at: new Date('2026-05-28T06:00:00Z'), ends_at: new Date('2026-05-28T09:00:00Z') };

/** The repository in memory: one edition (Asia/Shanghai) with two half-days, organisations o1 and o2. */
class InMemoryParticipations implements Pick<ParticipationRepository, keyof ParticipationRepository> {
  readonly away = new Map<string, TimeBlock[]>();
  readonly visits = new Map<string, boolean>();

  async editionZone(editionId: string): Promise<string> {
    if (editionId !== EDITION) throw new DomainError('EDITION_NOT_FOUND', `no edition ${editionId}`);
    return 'Asia/Shanghai';
  }
  async organizationExists(id: string): Promise<boolean> {
    return id === 'o1' || id === 'o2';
  }
  async negotiationBlocks(): Promise<TimeBlock[]> {
    return [THU_AM, THU_PM];
  }
  async halfDays(_: string, organizationId: string): Promise<HalfDayRow[]> {
    const away = this.away.get(organizationId) ?? [];
    return [THU_AM, THU_PM].map((b) => ({ ...b, attending: !away.includes(b) }));
  }
  async joinsSiteVisit(_: string, organizationId: string): Promise<boolean> {
    return this.visits.get(organizationId) ?? false;
  }
  async siteVisit(): Promise<TimeBlock | null> {
    return null;
  }
  async save(_: string, organizationId: string, absent: TimeBlock[], joinsSiteVisit: boolean): Promise<void> {
    this.away.set(organizationId, absent);
    this.visits.set(organizationId, joinsSiteVisit);
  }
}

const firm = (organizationId: string): AuthUser => ({ id: 'u', role: 'jp', organizationId, timeZone: 'Asia/Tokyo' });
const bureau: AuthUser = { id: 'b', role: 'bureau', organizationId: null, timeZone: 'Asia/Shanghai' };

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );
}

describe('ParticipationService (rules, on an in-memory repository)', () => {
  let repo: InMemoryParticipations;
  let service: ParticipationService;
  beforeEach(() => {
    repo = new InMemoryParticipations();
    service = new ParticipationService(repo as unknown as ParticipationRepository);
  });

  it('shows each half-day in the edition zone, attended until said otherwise', async () => {
    const view = await service.get(firm('o1'), EDITION, 'o1');
    expect(view.halfDays).toEqual([
      { startsAt: '2026-05-28T09:00:00+08:00', endsAt: '2026-05-28T12:00:00+08:00', attending: true },
      { startsAt: '2026-05-28T14:00:00+08:00', endsAt: '2026-05-28T17:00:00+08:00', attending: true },
    ]);
    expect(view.joinsSiteVisit).toBe(false);
  });

  it('stores the half-days not attended as time away, whatever the zone of the instant given', async () => {
    const view = await service.update(firm('o1'), EDITION, 'o1', {
      halfDays: [
        { startsAt: '2026-05-28T10:00:00+09:00', attending: false },
        { startsAt: '2026-05-28T14:00:00+08:00', attending: true },
      ],
      joinsSiteVisit: true,
    });
    expect(repo.away.get('o1')).toEqual([THU_AM]);
    expect(view.halfDays.map((h) => h.attending)).toEqual([false, true]);
    expect(view.joinsSiteVisit).toBe(true);
  });

  it('refuses a half-day that is not one of the edition, naming the field, and writes nothing', async () => {
    const attempt = service.update(firm('o1'), EDITION, 'o1', {
      halfDays: [
        { startsAt: '2026-05-28T09:00:00+08:00', attending: false },
        { startsAt: '2026-05-28T13:00:00+08:00', attending: false },
      ],
      joinsSiteVisit: false,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'PARTICIPATION_UNKNOWN_HALF_DAY', details: [{ field: 'halfDays.1.startsAt' }] });
    expect(repo.away.size).toBe(0);
  });

  it("visibility: a party reads and sets only its own attendance; the bureau anyone's", async () => {
    expect(await code(service.get(firm('o1'), EDITION, 'o2'))).toBe('PARTICIPATION_NOT_YOURS');
    expect(await code(service.update(firm('o1'), EDITION, 'o2', { halfDays: [], joinsSiteVisit: true }))).toBe('PARTICIPATION_NOT_YOURS');
    expect(repo.visits.size).toBe(0);
    expect(await code(service.get(bureau, EDITION, 'o2'))).toBeUndefined();
  });

  it('answers 404 codes for an unknown edition or organisation', async () => {
    expect(await code(service.get(bureau, 'nope', 'o1'))).toBe('EDITION_NOT_FOUND');
    expect(await code(service.get(bureau, EDITION, 'o9'))).toBe('ORGANIZATION_NOT_FOUND');
  });
});
