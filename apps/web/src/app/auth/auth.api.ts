import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginDto, LoginResponse, RegisterDto } from '@jinan/contracts';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(dto: LoginDto) {
    return this.http.post<LoginResponse>('/api/auth/login', dto);
  }

  register(dto: RegisterDto) {
    return this.http.post<LoginResponse>('/api/auth/register', dto);
  }
}
