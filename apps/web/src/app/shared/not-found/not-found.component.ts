import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Shown for records the viewer may not see (the API answers 404, never 403, so a
 * stranger learns nothing) and for unknown addresses. Minimal until web2's page lands.
 */
@Component({
  selector: 'app-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslocoPipe],
  template: `
    <section class="not-found" data-not-found>
      <h1>{{ 'notFound.title' | transloco }}</h1>
      <p>{{ 'notFound.text' | transloco }}</p>
      <a mat-flat-button routerLink="/">{{ 'notFound.home' | transloco }}</a>
    </section>
  `,
})
export class NotFoundComponent {}
