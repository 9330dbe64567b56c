import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgendaView, EditionStatsView, OrganizationWithoutMeetingView, Page, ScheduleGridView } from '@jinan/contracts';

export type CsvExportName = 'meetings' | 'schedule' | 'organizations' | 'audit';

/** The reports' calls: live figures, agendas and the grid for printing, CSV downloads. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  stats(editionId: string) {
    return this.http.get<EditionStatsView>(`/api/events/${editionId}/stats`);
  }

  /** One page of the organizations without a meeting, worst first (the statistics carry the first). */
  withoutMeeting(editionId: string, page: number, pageSize: number) {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<OrganizationWithoutMeetingView>>(`/api/events/${editionId}/stats/without-meeting`, { params });
  }

  agenda(editionId: string, zone: string, organizationId?: string) {
    let params = new HttpParams().set('zone', zone);
    if (organizationId) params = params.set('organizationId', organizationId);
    return this.http.get<AgendaView>(`/api/events/${editionId}/agenda`, { params });
  }

  grid(editionId: string) {
    return this.http.get<ScheduleGridView>(`/api/events/${editionId}/schedule`);
  }

  /** Fetches a CSV with the caller's token and hands it to the browser as a download. */
  downloadCsv(editionId: string, name: CsvExportName, lang: string): void {
    // Column headers in the UI language (the API keeps snake_case names for scripts without ?lang).
    const path = name === 'audit' ? `/api/events/${editionId}/audit.csv` : `/api/events/${editionId}/exports/${name}.csv?lang=${encodeURIComponent(lang)}`;
    this.http.get(path, { responseType: 'blob' }).subscribe((blob) => {
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.csv` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }
}
