import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A screen whose API does not exist yet. It says so plainly instead of showing
 * made-up data; the route is kept so navigation and guards are already in place.
 */
@Component({
  selector: 'app-pending-feature',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, TranslocoPipe],
  template: `<h1>{{ titleKey() | transloco }}</h1>
    <mat-card appearance="outlined" class="pending">
      <mat-card-content>
        <p>{{ 'pending.body' | transloco }}</p>
        <p class="muted">{{ detailKey() | transloco }}</p>
      </mat-card-content>
    </mat-card>`,
})
export class PendingFeature {
  readonly titleKey = input.required<string>();
  readonly detailKey = input.required<string>();
}
