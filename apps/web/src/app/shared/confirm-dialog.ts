import { ChangeDetectionStrategy, Component, inject, Injectable } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { map, Observable } from 'rxjs';

export interface ConfirmOptions {
  /** Already translated: the question, and what will happen (with counts). */
  title: string;
  consequences: string[];
  confirm: string;
  /** Ask for a reason (required, sent with the action), labelled thus. */
  reasonLabel?: string;
  danger?: boolean;
}

/** The answer: null when cancelled, else the reason ('' when none was asked). */
export type ConfirmAnswer = { reason: string } | null;

@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, FormsModule, TranslocoPipe],
  styles: `
    ul {
      padding-left: 20px;
      margin: 0 0 8px;
    }
    .reason {
      width: 100%;
    }
    .danger {
      --mdc-filled-button-container-color: var(--mat-sys-error);
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <ul>
        @for (line of data.consequences; track $index) {
          <li>{{ line }}</li>
        }
      </ul>
      @if (data.reasonLabel) {
        <mat-form-field class="reason">
          <mat-label>{{ data.reasonLabel }}</mat-label>
          <textarea matInput required rows="3" maxlength="500" [(ngModel)]="reason" cdkFocusInitial></textarea>
          <mat-hint>{{ 'confirm.reasonHint' | transloco }}</mat-hint>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
      <button
        mat-flat-button
        type="button"
        data-test="confirm"
        [class.danger]="data.danger"
        [disabled]="!!data.reasonLabel && !reason.trim()"
        [mat-dialog-close]="{ reason: reason.trim() }"
      >
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmOptions>(MAT_DIALOG_DATA);
  protected reason = '';
}

/** Asks before a broadcast or destructive action, stating what it will do. */
@Injectable({ providedIn: 'root' })
export class Confirm {
  private readonly dialog = inject(MatDialog);

  ask(options: ConfirmOptions): Observable<ConfirmAnswer> {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmOptions, ConfirmAnswer>(ConfirmDialogComponent, { data: options, width: 'min(480px, 94vw)', autoFocus: 'dialog' })
      .afterClosed()
      .pipe(map((answer) => answer ?? null));
  }
}
