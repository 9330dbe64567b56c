import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationView, Page } from '@jinan/contracts';

/** The signed-in user's notifications, newest first. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: { unread?: boolean; page?: number } = {}) {
    let params = new HttpParams().set('pageSize', 50);
    if (query.unread) params = params.set('unread', 'true');
    if (query.page) params = params.set('page', query.page);
    return this.http.get<Page<NotificationView>>('/api/notifications', { params });
  }

  markRead(id: string) {
    return this.http.post<NotificationView>(`/api/notifications/${id}/read`, {});
  }
}
