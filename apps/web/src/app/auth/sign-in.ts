import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse } from '@jinan/contracts';
import { CurrentEdition } from '../core/current-edition';
import { Language } from '../core/language';
import { homeOf } from '../core/role.guard';
import { Session } from '../core/session';

/** After login or registration: keep the session, switch to the user's language, go on. */
@Injectable({ providedIn: 'root' })
export class SignIn {
  private readonly session = inject(Session);
  private readonly language = inject(Language);
  private readonly router = inject(Router);
  private readonly edition = inject(CurrentEdition);

  complete(response: LoginResponse, returnUrl?: string | null): void {
    this.session.start(response);
    this.language.use(response.user.locale, 'browser');
    this.edition.reload();
    void this.router.navigateByUrl(returnUrl && returnUrl.startsWith('/') ? returnUrl : homeOf(response.user.role));
  }
}
