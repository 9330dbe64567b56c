import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CancelMeetingDto,
  FeedbackView,
  MeetingMessageView,
  MeetingStatus,
  MeetingTransitionView,
  MeetingView,
  Page,
  RequestMeetingDto,
  RespondMeetingDto,
  ReviewMeetingDto,
  SlotOptionsView,
  SlotProposalView,
  SubmitFeedbackDto,
} from '@jinan/contracts';

/** Meetings of an edition: a party sees its own, the bureau all. */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  list(editionId: string, query: { status?: MeetingStatus | ''; page?: number; pageSize?: number } = {}) {
    let params = new HttpParams().set('pageSize', query.pageSize ?? 100);
    if (query.status) params = params.set('status', query.status);
    if (query.page) params = params.set('page', query.page);
    return this.http.get<Page<MeetingView>>(`/api/events/${editionId}/meetings`, { params });
  }

  request(editionId: string, dto: RequestMeetingDto) {
    return this.http.post<MeetingView>(`/api/events/${editionId}/meetings`, dto);
  }

  review(id: string, dto: ReviewMeetingDto) {
    return this.http.post<MeetingView>(`/api/meetings/${id}/review`, dto);
  }

  respond(id: string, dto: RespondMeetingDto) {
    return this.http.post<MeetingView>(`/api/meetings/${id}/respond`, dto);
  }

  get(id: string) {
    return this.http.get<MeetingView>(`/api/meetings/${id}`);
  }

  history(id: string) {
    return this.http.get<MeetingTransitionView[]>(`/api/meetings/${id}/history`);
  }

  cancel(id: string, dto: CancelMeetingDto) {
    return this.http.post<MeetingView>(`/api/meetings/${id}/cancel`, dto);
  }

  /** Self-scheduling editions: the slots both parties have free, in the viewer's zone and the edition's. */
  slotOptions(id: string) {
    return this.http.get<SlotOptionsView>(`/api/meetings/${id}/slot-options`);
  }

  slotProposals(id: string) {
    return this.http.get<SlotProposalView[]>(`/api/meetings/${id}/slot-proposals`);
  }

  proposeSlot(id: string, slotId: string) {
    return this.http.post<SlotProposalView>(`/api/meetings/${id}/slot-proposals`, { slotId });
  }

  answerSlotProposal(id: string, proposalId: string, decision: 'accept' | 'decline') {
    return this.http.post<SlotProposalView[]>(`/api/meetings/${id}/slot-proposals/${proposalId}/answer`, { decision });
  }

  messages(id: string) {
    return this.http.get<MeetingMessageView[]>(`/api/meetings/${id}/messages`);
  }

  postMessage(id: string, body: string) {
    return this.http.post<MeetingMessageView>(`/api/meetings/${id}/messages`, { body });
  }

  feedback(id: string) {
    return this.http.get<FeedbackView[]>(`/api/meetings/${id}/feedback`);
  }

  submitFeedback(id: string, dto: SubmitFeedbackDto) {
    return this.http.post<FeedbackView>(`/api/meetings/${id}/feedback`, dto);
  }
}
