import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MeView, OrganizationView, ParticipationView, UpdateMeDto, UpdateOrganizationDto, UpdateParticipationDto } from '@jinan/contracts';

/** The signed-in user, their organisation and its attendance at an edition. */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly http = inject(HttpClient);

  me() {
    return this.http.get<MeView>('/api/me');
  }

  updateMe(dto: UpdateMeDto) {
    return this.http.patch<MeView>('/api/me', dto);
  }

  organization(id: string) {
    return this.http.get<OrganizationView>(`/api/organizations/${id}`);
  }

  updateOrganization(id: string, dto: UpdateOrganizationDto) {
    return this.http.patch<OrganizationView>(`/api/organizations/${id}`, dto);
  }

  participation(editionId: string, organizationId: string) {
    return this.http.get<ParticipationView>(`/api/events/${editionId}/organizations/${organizationId}/participation`);
  }

  updateParticipation(editionId: string, organizationId: string, dto: UpdateParticipationDto) {
    return this.http.put<ParticipationView>(`/api/events/${editionId}/organizations/${organizationId}/participation`, dto);
  }
}
