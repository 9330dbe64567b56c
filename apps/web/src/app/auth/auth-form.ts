import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { Observable } from 'rxjs';
import { applyFieldErrors } from '../core/api-error';

/**
 * The frame of the account pages (log in, forgot password, reset password): a narrow
 * column, the title, the form in a card, the links below it (`[links]`).
 */
@Component({
  selector: 'app-auth-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  styles: `
    :host {
      display: block;
      max-width: 420px;
      margin: 24px auto;
    }
  `,
  template: `
    <h1>{{ heading() }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        <ng-content />
      </mat-card-content>
    </mat-card>
    <ng-content select="[links]" />
  `,
})
export class AuthFormComponent {
  readonly heading = input.required<string>();
}

/**
 * A form's submission: one request at a time (a double-click must not send it twice),
 * an invalid form only shows its errors, a refusal puts the server's field errors on
 * the controls and the rest in `error`. After success `busy` stays true: the page moves on.
 */
export class FormSubmission {
  readonly busy = signal(false);
  readonly error = signal('');

  submit<T>(form: FormGroup, request: () => Observable<T>, done: (result: T) => void): void {
    if (this.busy()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    request().subscribe({
      next: done,
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(applyFieldErrors(form, e));
      },
    });
  }
}
