import { Inject, Injectable, Logger } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface MailOptions {
  /** smtp(s)://user:pass@host:port; unset: the development transport, which only logs. */
  smtpUrl?: string;
  from: string;
}

export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through nodemailer: SMTP when configured, else a JSON transport that logs. */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  readonly development: boolean;

  constructor(@Inject(MAIL_OPTIONS) private readonly options: MailOptions) {
    this.development = !options.smtpUrl;
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.options.from, ...mail });
    // The subject only: no address, no body, no credentials in the logs.
    if (this.development) this.logger.log(`development mail (not sent): ${mail.subject}`);
  }
}
