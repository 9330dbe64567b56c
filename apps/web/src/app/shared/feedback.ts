import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { errorText } from '../core/api-error';

/** The snackbar after every action: what happened, or why not, in the UI language. */
@Injectable({ providedIn: 'root' })
export class Feedback {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  done(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), { duration: 4000, politeness: 'polite' });
  }

  failed(error: unknown): void {
    this.snackBar.open(errorText(error), this.transloco.translate('common.close'), { duration: 8000, politeness: 'assertive' });
  }
}
