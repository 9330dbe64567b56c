import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MeetingStatus, MeetingView, Page, RequestMeetingDto, RespondMeetingDto, ReviewMeetingDto } from '@jinan/contracts';

/** Meetings of an edition: a party sees its own, the bureau all. */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  list(eventId: string, query: { status?: MeetingStatus | ''; page?: number; pageSize?: number } = {}) {
    let params = new HttpParams().set('pageSize', query.pageSize ?? 100);
    if (query.status) params = params.set('status', query.status);
    if (query.page) params = params.set('page', query.page);
    return this.http.get<Page<MeetingView>>(`/api/events/${eventId}/meetings`, { params });
  }

  request(eventId: string, dto: RequestMeetingDto) {
    return this.http.post<MeetingView>(`/api/events/${eventId}/meetings`, dto);
  }

  review(id: string, dto: ReviewMeetingDto) {
    return this.http.post<MeetingView>(`/api/meetings/${id}/review`, dto);
  }

  respond(id: string, dto: RespondMeetingDto) {
    return this.http.post<MeetingView>(`/api/meetings/${id}/respond`, dto);
  }
}
