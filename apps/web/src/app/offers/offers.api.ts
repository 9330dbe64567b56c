import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateOfferDto, OfferView, Page, UpdateOfferDto } from '@jinan/contracts';

/** A Ji'nan company's own offers, in every status. */
@Injectable({ providedIn: 'root' })
export class OffersApi {
  private readonly http = inject(HttpClient);

  mine() {
    return this.http.get<Page<OfferView>>('/api/offers', { params: { scope: 'mine', pageSize: 100 } });
  }

  get(id: string) {
    return this.http.get<OfferView>(`/api/offers/${id}`);
  }

  create(dto: CreateOfferDto) {
    return this.http.post<OfferView>('/api/offers', dto);
  }

  update(id: string, dto: UpdateOfferDto) {
    return this.http.patch<OfferView>(`/api/offers/${id}`, dto);
  }

  transition(id: string, action: 'publish' | 'withdraw') {
    return this.http.post<OfferView>(`/api/offers/${id}/${action}`, {});
  }
}
