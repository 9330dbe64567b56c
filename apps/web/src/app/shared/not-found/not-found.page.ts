import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { homeOf } from '../../core/role.guard';
import { Session } from '../../core/session';

export type MissingKind = 'not-found' | 'forbidden';

/**
 * The page for an unknown address, a record that does not exist, and one the viewer
 * may not see. Used as a route (`**`, and the role guard's redirect keeps the URL) and
 * inline by detail pages whose record answered 404/403.
 */
@Component({
  selector: 'app-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  styles: `
    :host {
      display: block;
      max-width: 560px;
      margin: 32px auto;
      text-align: center;
    }
    .code {
      font-size: 3rem;
      font-weight: 600;
      color: var(--mat-sys-outline);
      line-height: 1.2;
      margin: 0 0 8px;
    }
  `,
  template: `
    <section data-not-found [attr.data-kind]="kind()">
      <p class="code" aria-hidden="true">{{ kind() === 'forbidden' ? 403 : 404 }}</p>
      <h1>{{ 'missing.' + kind() + '.title' | transloco }}</h1>
      <p>{{ 'missing.' + kind() + '.body' | transloco }}</p>
      <a mat-flat-button [routerLink]="home()">{{ 'missing.home' | transloco }}</a>
    </section>
  `,
})
export class NotFoundPage {
  /** Route data or the embedding page says which; an unknown address is not found. */
  readonly kind = input<MissingKind>('not-found');
  private readonly session = inject(Session);
  protected readonly home = computed(() => homeOf(this.session.role()));
}

/** 404 and 403 answers for a record are shown as this page, other errors as a sentence. */
export function missingKind(error: unknown): MissingKind | null {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 404 ? 'not-found' : status === 403 ? 'forbidden' : null;
}
