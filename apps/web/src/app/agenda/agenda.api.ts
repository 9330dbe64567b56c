import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgendaView, CalendarFeedStatusView, CalendarFeedView } from '@jinan/contracts';

/** A party's agenda: its published slots, the calendar file and the subscribable feed. */
@Injectable({ providedIn: 'root' })
export class AgendaApi {
  private readonly http = inject(HttpClient);

  agenda(editionId: string, zone: string) {
    return this.http.get<AgendaView>(`/api/events/${editionId}/agenda`, { params: new HttpParams().set('zone', zone) });
  }

  /** The .ics file, fetched with the bearer token (a plain link would carry none). */
  ics(editionId: string) {
    return this.http.get(`/api/events/${editionId}/agenda.ics`, { responseType: 'blob' });
  }

  feedStatus() {
    return this.http.get<CalendarFeedStatusView>('/api/me/calendar-feed');
  }

  createFeed() {
    return this.http.post<CalendarFeedView>('/api/me/calendar-feed', {});
  }

  revokeFeed() {
    return this.http.delete<void>('/api/me/calendar-feed');
  }
}
