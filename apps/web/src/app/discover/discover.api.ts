import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CooperationType, OfferView, Page, RecommendationsView, Sector } from '@jinan/contracts';

export interface OfferSearch {
  q?: string;
  sector?: Sector | '';
  cooperationType?: CooperationType | '';
  page?: number;
  pageSize?: number;
}

/** Published offers, as a Japanese firm browses them, and its ranked recommendations. */
@Injectable({ providedIn: 'root' })
export class DiscoverApi {
  private readonly http = inject(HttpClient);

  search(query: OfferSearch) {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<OfferView>>('/api/offers', { params });
  }

  offer(id: string) {
    return this.http.get<OfferView>(`/api/offers/${id}`);
  }

  recommendations(editionId: string, limit = 20) {
    return this.http.get<RecommendationsView>(`/api/events/${editionId}/recommendations`, { params: new HttpParams().set('limit', limit) });
  }
}
