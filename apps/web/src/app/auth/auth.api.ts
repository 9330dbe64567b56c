import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  LoginDto,
  LoginResponse,
  PasswordResetAccepted,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RegisterDto,
  RegistrationAccepted,
} from '@jinan/contracts';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(dto: LoginDto) {
    return this.http.post<LoginResponse>('/api/auth/login', dto);
  }

  /** Answers alike whether or not the e-mail was taken; the page logs in next. */
  register(dto: RegisterDto) {
    return this.http.post<RegistrationAccepted>('/api/auth/register', dto);
  }

  logout() {
    return this.http.post<void>('/api/auth/logout', {});
  }

  requestPasswordReset(dto: PasswordResetRequestDto) {
    return this.http.post<PasswordResetAccepted>('/api/auth/password-reset', dto);
  }

  confirmPasswordReset(dto: PasswordResetConfirmDto) {
    return this.http.post<void>('/api/auth/password-reset/confirm', dto);
  }
}
