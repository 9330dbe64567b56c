import { Injectable, Logger } from '@nestjs/common';
import { Mail, MailService } from '../notifications/mail.service';

/**
 * Sends account mails (reset links, "someone tried to register with your address") after
 * the answer has gone: the request takes the same time whether or not a mail is sent, so
 * its timing does not tell whether an e-mail address has an account. A failed mail is
 * logged (without address or body); the person can ask again.
 */
@Injectable()
export class AccountMailer {
  private readonly logger = new Logger('AccountMail');
  /** Mails still being sent (tests wait for them). */
  readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly mail: MailService) {}

  send(mail: Mail): void {
    const sending = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.mail.send(mail))
      .catch((error: Error) => this.logger.warn(`account mail failed: ${error.message}`))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }
}
