import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateEditionDto,
  EditionSummary,
  EditionView,
  RemindersRunView,
  UpdateEditionDto,
  OrganizationView,
  Page,
  CreateScheduleRunDto,
  PublishScheduleView,
  ScheduleGridView,
  ScheduleRunView,
  UpdateSessionDto,
  VerificationState,
  VerifyOrganizationDto,
} from '@jinan/contracts';

/** The bureau's calls: editions and their programme, organisation verification, the scheduler. */
@Injectable({ providedIn: 'root' })
export class BureauApi {
  private readonly http = inject(HttpClient);

  editions() {
    return this.http.get<EditionSummary[]>('/api/events');
  }

  edition(id: string) {
    return this.http.get<EditionView>(`/api/events/${id}`);
  }

  /** Scheduling mode, reminder settings, when requests opened. */
  updateEdition(id: string, dto: UpdateEditionDto) {
    return this.http.patch<EditionView>(`/api/events/${id}`, dto);
  }

  runReminders(id: string, dryRun: boolean) {
    return this.http.post<RemindersRunView>(`/api/events/${id}/reminders/run`, { dryRun });
  }

  createEdition(dto: CreateEditionDto) {
    return this.http.post<EditionView>('/api/events', dto);
  }

  updateSession(editionId: string, sessionId: string, dto: UpdateSessionDto) {
    return this.http.patch<EditionView>(`/api/events/${editionId}/sessions/${sessionId}`, dto);
  }

  organizations(query: { verification?: VerificationState | ''; q?: string; page?: number }) {
    let params = new HttpParams().set('pageSize', 50);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<OrganizationView>>('/api/organizations', { params });
  }

  verify(id: string, dto: VerifyOrganizationDto) {
    return this.http.post<OrganizationView>(`/api/organizations/${id}/verification`, dto);
  }

  runScheduler(editionId: string, dto: CreateScheduleRunDto) {
    return this.http.post<ScheduleRunView>(`/api/events/${editionId}/schedule/runs`, dto);
  }

  latestScheduleRun(editionId: string) {
    return this.http.get<ScheduleRunView>(`/api/events/${editionId}/schedule/runs/latest`);
  }

  scheduleRun(editionId: string, runId: string) {
    return this.http.get<ScheduleRunView>(`/api/events/${editionId}/schedule/runs/${runId}`);
  }

  /** The bureau's hand placement of one meeting (PATCH /api/meetings/:id/booking). */
  moveBooking(meetingId: string, body: { slotId: string; tableNumber: number }) {
    return this.http.patch<{ meetingId: string; status: string; slotId: string; tableNumber: number }>(`/api/meetings/${meetingId}/booking`, body);
  }

  scheduleGrid(editionId: string) {
    return this.http.get<ScheduleGridView>(`/api/events/${editionId}/schedule`);
  }

  publishSchedule(editionId: string) {
    return this.http.post<PublishScheduleView>(`/api/events/${editionId}/schedule/publish`, {});
  }
}
