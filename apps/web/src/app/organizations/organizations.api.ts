import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrganizationProfileView } from '@jinan/contracts';

@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  profile(id: string) {
    return this.http.get<OrganizationProfileView>(`/api/organizations/${id}/profile`);
  }
}
