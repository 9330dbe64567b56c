import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { combineLatest, of, switchMap } from 'rxjs';

/** Route titles are translation keys; the document title follows the language. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private key: string | undefined;

  constructor() {
    super();
    this.transloco.langChanges$
      .pipe(switchMap(() => combineLatest([this.transloco.selectTranslate('app.name'), this.key ? this.transloco.selectTranslate(this.key) : of('')])))
      .subscribe(([app, page]) => this.title.setTitle(page ? `${page} · ${app}` : app));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = this.buildTitle(snapshot);
    const app = this.transloco.translate('app.name');
    this.title.setTitle(this.key ? `${this.transloco.translate(this.key)} · ${app}` : app);
  }
}
