import { redactSecrets, secretsInAddress } from '../common/logging/request-log-redaction';

/** A feed address with its secret token replaced (see common/logging/request-log-redaction.ts). */
export function redactFeedToken(url: string): string {
  return redactSecrets(url, secretsInAddress(url));
}
