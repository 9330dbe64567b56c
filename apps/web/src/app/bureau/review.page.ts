import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Confirm } from '../shared/confirm-dialog';
import { Feedback } from '../shared/feedback';
import type { MeetingView } from '@jinan/contracts';
import { concatMap, from, toArray } from 'rxjs';
import { errorText } from '../core/api-error';
import { CurrentEdition } from '../core/current-edition';
import { MeetingsApi } from '../meetings/meetings.api';
import { LocalizedTextComponent } from '../shared/localized-text.component';

/** Requests waiting for the bureau, best match first; approve one, many, or reject with a reason. */
@Component({
  selector: 'app-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FormsModule,
    MatCardModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalizedTextComponent,
  ],
  styles: `
    .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 10px;
      align-items: baseline;
      font: var(--mat-sys-title-small);
      font-family: inherit;
    }
    .bulk {
      position: sticky;
      top: 56px;
      z-index: 5;
      background: var(--mat-sys-surface);
      padding: 8px 0;
    }
    .note {
      flex: 1 1 200px;
    }
    meter {
      width: 100px;
    }
  `,
  template: `
    <h1>{{ 'review.title' | transloco }}</h1>
    <div class="actions bulk">
      <mat-checkbox [checked]="allSelected()" [indeterminate]="selected().size > 0 && !allSelected()" (change)="toggleAll($event.checked)">
        {{ 'review.selectAll' | transloco }}
      </mat-checkbox>
      <button mat-flat-button type="button" [disabled]="busy() || selected().size === 0" (click)="approveSelected()">
        {{ 'review.approveSelected' | transloco: { count: selected().size } }}
      </button>
    </div>
    @if (queue.isLoading() || busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    @for (m of sorted(); track m.id) {
      <mat-card appearance="outlined" [attr.data-meeting]="m.id">
        <mat-card-content>
          <div class="pair">
            <mat-checkbox [checked]="selected().has(m.id)" (change)="toggle(m.id, $event.checked)" [aria-label]="'review.select' | transloco"></mat-checkbox>
            <a [routerLink]="['/organizations', m.jpOrganization.id]" [attr.data-org-link]="m.jpOrganization.id"
              ><app-localized [texts]="m.jpOrganization.name" primary="ja"
            /></a>
            <span aria-hidden="true">→</span>
            <a [routerLink]="['/organizations', m.cnOrganization.id]" [attr.data-org-link]="m.cnOrganization.id"
              ><app-localized [texts]="m.cnOrganization.name"
            /></a>
          </div>
          <div class="chips" style="margin-top: 6px">
            <span class="chip">{{ 'sector.' + m.sector | transloco }}</span>
            <span class="chip">{{ 'meetings.priority' | transloco: { value: m.priority } }}</span>
            @if (m.matchScore !== null) {
              <span class="chip">{{ 'meetings.score' | transloco }} {{ m.matchScore }}</span>
            }
          </div>
          @if (m.offer; as offer) {
            <p>{{ 'meetings.about' | transloco }}: <app-localized [texts]="{ zh: offer.titleZh, ja: offer.titleJa, en: offer.titleEn }" /></p>
          }
          @if (m.message) {
            <p class="muted">“{{ m.message }}”</p>
          }
          <a [routerLink]="['/meetings', m.id]" data-open-meeting>{{ 'meetingDetail.open' | transloco }}</a>
        </mat-card-content>
        <mat-card-actions class="actions">
          <mat-form-field class="note" subscriptSizing="dynamic">
            <mat-label>{{ 'review.note' | transloco }}</mat-label>
            <input matInput [(ngModel)]="notes[m.id]" />
          </mat-form-field>
          <button mat-flat-button type="button" (click)="review(m, 'approve')" [disabled]="busy()">{{ 'review.approve' | transloco }}</button>
          <button mat-stroked-button type="button" (click)="review(m, 'reject')" [disabled]="busy()">{{ 'review.reject' | transloco }}</button>
        </mat-card-actions>
      </mat-card>
    } @empty {
      @if (!queue.isLoading()) {
        <p>{{ 'review.none' | transloco }}</p>
      }
    }
  `,
})
export class ReviewPage {
  private readonly api = inject(MeetingsApi);
  private readonly edition = inject(CurrentEdition);
  protected readonly queue = rxResource({
    params: () => this.edition.summary()?.id,
    stream: ({ params }) => this.api.list(params, { status: 'requested' }),
  });
  protected readonly sorted = computed(() =>
    [...(this.queue.value()?.items ?? [])].sort((a, b) => (b.matchScore ?? -1) - (a.matchScore ?? -1) || a.priority - b.priority),
  );
  protected readonly selected = signal(new Set<string>());
  protected readonly allSelected = computed(() => this.sorted().length > 0 && this.sorted().every((m) => this.selected().has(m.id)));
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly notes: Record<string, string> = {};
  private readonly confirm = inject(Confirm);
  private readonly feedback = inject(Feedback);
  private readonly transloco = inject(TranslocoService);

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? new Set(this.sorted().map((m) => m.id)) : new Set());
  }

  /** Approving one is light; rejecting one asks for a reason; approving many states how many first. */
  protected review(m: MeetingView, decision: 'approve' | 'reject'): void {
    if (this.busy()) return;
    const note = this.notes[m.id]?.trim();
    if (decision === 'approve') return this.run([m.id], decision, note || undefined);
    this.confirm
      .ask({
        title: this.transloco.translate('review.confirmReject.title'),
        consequences: [this.transloco.translate('review.confirmReject.body')],
        confirm: this.transloco.translate('review.reject'),
        reasonLabel: this.transloco.translate('review.confirmReject.reason'),
        danger: true,
      })
      .subscribe((answer) => answer && this.run([m.id], 'reject', answer.reason));
  }

  protected approveSelected(): void {
    if (this.busy()) return;
    const ids = [...this.selected()];
    const chosen = this.sorted().filter((m) => this.selected().has(m.id));
    const companies = new Set(chosen.flatMap((m) => [m.jpOrganization.id, m.cnOrganization.id])).size;
    this.confirm
      .ask({
        title: this.transloco.translate('review.confirmBulk.title', { count: ids.length }),
        consequences: [
          this.transloco.translate('review.confirmBulk.forwarded', { count: ids.length }),
          this.transloco.translate('review.confirmBulk.notified', { count: companies }),
        ],
        confirm: this.transloco.translate('review.approveSelected', { count: ids.length }),
      })
      .subscribe((answer) => answer && this.run(ids, 'approve'));
  }

  private run(ids: string[], decision: 'approve' | 'reject', note?: string): void {
    this.busy.set(true);
    this.error.set('');
    // One after the other: each decision is its own checked transition on the server.
    from(ids)
      .pipe(
        concatMap((id) => this.api.review(id, { decision, note })),
        toArray(),
      )
      .subscribe({
        next: () => {
          this.done();
          this.feedback.done(decision === 'approve' ? 'review.approvedCount' : 'review.rejectedCount', { count: ids.length });
        },
        error: (e: unknown) => {
          this.done();
          this.error.set(errorText(e));
          this.feedback.failed(e);
        },
      });
  }

  private done(): void {
    this.busy.set(false);
    this.selected.set(new Set());
    this.queue.reload();
  }
}
