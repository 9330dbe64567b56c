import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatMenuModule } from '@angular/material/menu';
import { MatDividerModule } from '@angular/material/divider';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale, Role } from '@jinan/contracts';
import { AuthApi } from './auth/auth.api';
import { CurrentEdition } from './core/current-edition';
import { Language } from './core/language';
import { Session } from './core/session';
import { TimeZones, ZoneChoice } from './core/time-zones';
import { UnreadNotifications } from './core/unread-notifications';

interface NavLink {
  path: string;
  key: string;
  /** Active only on this path, not below it. */
  exact?: boolean;
}

const NAV: Record<Role, NavLink[]> = {
  jp: [
    { path: '/discover', key: 'nav.discover', exact: true },
    { path: '/discover/recommendations', key: 'nav.recommendations' },
    { path: '/meetings', key: 'nav.meetings' },
    { path: '/agenda', key: 'nav.agenda' },
    { path: '/reports/agenda', key: 'nav.printAgenda' },
    { path: '/profile', key: 'nav.profile' },
  ],
  cn: [
    { path: '/offers', key: 'nav.offers' },
    { path: '/meetings', key: 'nav.requests' },
    { path: '/agenda', key: 'nav.agenda' },
    { path: '/reports/agenda', key: 'nav.printAgenda' },
    { path: '/profile', key: 'nav.profile' },
  ],
  bureau: [
    { path: '/bureau/organizations', key: 'nav.verification' },
    { path: '/bureau/edition', key: 'nav.edition' },
    { path: '/bureau/review', key: 'nav.review' },
    { path: '/bureau/scheduler', key: 'nav.scheduler' },
    { path: '/reports/dashboard', key: 'nav.reports' },
    { path: '/discover', key: 'nav.discover' },
  ],
};

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatMenuModule,
    MatDividerModule,
    TranslocoPipe,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly session = inject(Session);
  protected readonly language = inject(Language);
  protected readonly zones = inject(TimeZones);
  protected readonly notifications = inject(UnreadNotifications);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthApi);
  // Loaded once signed in, so that every page knows the edition's zone.
  protected readonly edition = inject(CurrentEdition);

  protected readonly links = computed(() => {
    const role = this.session.role();
    return role ? NAV[role] : [];
  });
  protected readonly locales: { value: Locale; label: string }[] = [
    { value: 'zh-CN', label: '中文' },
    { value: 'ja', label: '日本語' },
    { value: 'en', label: 'EN' },
  ];

  protected setLocale(locale: Locale): void {
    this.language.use(locale);
  }

  protected setZone(choice: ZoneChoice): void {
    this.zones.choose(choice);
  }

  protected signOut(): void {
    // Revoke the token on the server too (shared PCs at the venue), then forget it here whatever the answer.
    this.auth.logout().subscribe({ error: () => undefined });
    this.session.end();
    void this.router.navigate(['/login']);
  }
}
