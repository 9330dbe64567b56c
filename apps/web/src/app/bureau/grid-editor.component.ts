import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { GridBookingView, MultilingualName, SessionView } from '@jinan/contracts';
import { ApiError } from '../core/api-error';
import { Language } from '../core/language';
import { pickLocalized } from '../shared/localized-text';
import { formatInZone } from '../shared/zoned-time';
import { BureauApi } from './bureau.api';
import { GridConflict, gridConflicts, SlotTimes } from './grid-conflicts';

/** Meetings the booking API moves: accepted, or scheduled and not yet confirmed by both. */
const MOVABLE = ['accepted', 'scheduled'];

/**
 * The bureau's hand edits of one meeting in the schedule grid: move it to another slot
 * and table through PATCH /api/meetings/:id/booking (showing beforehand what it would
 * collide with), or pin / exclude it for the next scheduler run.
 */
@Component({
  selector: 'app-grid-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  styles: `
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .fields mat-form-field {
      min-width: 12rem;
      flex: 1 1 12rem;
    }
    ul {
      margin: 8px 0;
      padding-inline-start: 1.2rem;
    }
    .conflicts li {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    @let b = booking();
    <mat-card appearance="outlined" data-grid-editor>
      <mat-card-content>
        <h3>
          {{ 'grid.editing' | transloco }}: {{ name(b.jp.name, 'ja') }} — {{ name(b.cn.name, 'zh') }}
          <a [routerLink]="['/meetings', b.meetingId]">{{ 'meetingDetail.open' | transloco }}</a>
        </h3>
        <p class="muted">{{ 'grid.now' | transloco: { slot: slotLabel(b.slotId), table: b.tableNumber } }} · {{ 'meetingStatus.' + b.status | transloco }}</p>
        @if (movable()) {
          <div class="fields">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'grid.slot' | transloco }}</mat-label>
              <mat-select [(ngModel)]="slotId" (ngModelChange)="target.set({ slotId: $event, table: tableNumber })" name="slot" data-grid-slot>
                @for (s of slots(); track s.id) {
                  <mat-option [value]="s.id" [attr.data-slot-id]="s.id">{{ s.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'grid.table' | transloco }}</mat-label>
              <mat-select [(ngModel)]="tableNumber" (ngModelChange)="target.set({ slotId: slotId, table: $event })" name="table" data-grid-table>
                @for (t of tables(); track t) {
                  <mat-option [value]="t" [attr.data-table]="t">{{ 'scheduler.table' | transloco: { number: t } }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          @if (conflicts().length) {
            <ul class="conflicts" data-grid-conflicts role="status">
              @for (c of conflicts(); track $index) {
                <li>{{ 'grid.conflict.' + c.kind | transloco: conflictParams(c) }}</li>
              }
            </ul>
          } @else if (changed()) {
            <p class="muted" role="status" data-grid-free>{{ 'grid.free' | transloco }}</p>
          }
          <button mat-flat-button type="button" (click)="move()" [disabled]="busy() || !changed()" data-grid-move>{{ 'grid.move' | transloco }}</button>
        } @else {
          <p class="muted">{{ 'grid.notMovable' | transloco }}</p>
        }
        <div class="fields">
          <mat-checkbox [checked]="pinned()" (change)="pin.emit($event.checked)" data-grid-pin>{{ 'grid.pin' | transloco }}</mat-checkbox>
          <mat-checkbox [checked]="excluded()" (change)="exclude.emit($event.checked)" data-grid-exclude>{{ 'grid.exclude' | transloco }}</mat-checkbox>
          <button mat-button type="button" (click)="closed.emit()">{{ 'grid.close' | transloco }}</button>
        </div>
        @if (error()) {
          <p class="form-error" role="alert" data-grid-error>{{ error() }}</p>
        }
      </mat-card-content>
    </mat-card>
  `,
})
export class GridEditorComponent {
  readonly booking = input.required<GridBookingView>();
  readonly bookings = input.required<readonly GridBookingView[]>();
  /** The edition's negotiation sessions. */
  readonly sessions = input.required<readonly SessionView[]>();
  readonly zone = input.required<string>();
  readonly pinned = input(false);
  readonly excluded = input(false);
  readonly moved = output<void>();
  readonly pin = output<boolean>();
  readonly exclude = output<boolean>();
  readonly closed = output<void>();

  private readonly api = inject(BureauApi);
  private readonly language = inject(Language);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected slotId = '';
  protected tableNumber = 1;
  protected readonly target = signal({ slotId: '', table: 1 });

  constructor() {
    // A new meeting picked: start from where it is.
    effect(() => {
      const b = this.booking();
      this.slotId = b.slotId;
      this.tableNumber = b.tableNumber;
      this.target.set({ slotId: b.slotId, table: b.tableNumber });
      this.error.set('');
    });
  }

  protected readonly movable = computed(() => MOVABLE.includes(this.booking().status));
  /** The booking API keeps a meeting in its own sector's sessions. */
  private readonly ownSessions = computed(() => {
    const current = this.sessions().find((s) => s.id === this.booking().sessionId);
    return this.sessions().filter((s) => s.kind === 'negotiation' && (!current || s.sector === current.sector));
  });
  protected readonly slots = computed(() =>
    this.ownSessions()
      .flatMap((s) => s.slots)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((s) => ({ id: s.id, label: this.slotLabel(s.id) })),
  );
  protected readonly tables = computed(() => {
    const session = this.ownSessions().find((s) => s.slots.some((sl) => sl.id === this.target().slotId));
    return (session?.tables ?? []).map((t) => t.number);
  });
  private readonly slotTimes = computed<SlotTimes>(
    () => new Map(this.sessions().flatMap((se) => se.slots.map((sl) => [sl.id, { sessionId: se.id, startsAt: sl.startsAt, endsAt: sl.endsAt }] as const))),
  );
  protected readonly changed = computed(() => {
    const b = this.booking();
    const t = this.target();
    return t.slotId !== b.slotId || t.table !== b.tableNumber;
  });
  protected readonly conflicts = computed(() => {
    const t = this.target();
    return this.changed() ? gridConflicts(this.booking(), t.slotId, t.table, this.bookings(), this.slotTimes()) : [];
  });

  protected slotLabel(slotId: string): string {
    for (const s of this.sessions()) {
      const slot = s.slots.find((x) => x.id === slotId);
      if (slot) {
        const locale = this.language.current();
        return `${formatInZone(slot.startsAt, this.zone(), 'day', locale)} ${formatInZone(slot.startsAt, this.zone(), 'time', locale)}–${formatInZone(slot.endsAt, this.zone(), 'time', locale)}`;
      }
    }
    return '';
  }

  protected conflictParams(c: GridConflict): Record<string, string | number> {
    return {
      table: c.other.tableNumber,
      jp: this.name(c.other.jp.name, 'ja'),
      cn: this.name(c.other.cn.name, 'zh'),
    };
  }

  protected name(name: MultilingualName, primary: 'ja' | 'zh'): string {
    return pickLocalized(name, this.language.content(), primary)?.text ?? '';
  }

  protected move(): void {
    const t = this.target();
    this.busy.set(true);
    this.error.set('');
    this.api.moveBooking(this.booking().meetingId, { slotId: t.slotId, tableNumber: t.table }).subscribe({
      next: () => {
        this.busy.set(false);
        this.moved.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e instanceof ApiError ? e.message : String(e));
      },
    });
  }
}
