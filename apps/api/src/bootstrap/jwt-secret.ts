import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * JWT_SECRET when configured (required in production); otherwise a random secret
 * kept in the data directory so tokens survive a restart of the local platform.
 */
export function jwtSecret(configured: string | undefined, dataDirectory: string): string {
  if (configured) return configured;
  const file = join(dataDirectory, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDirectory, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
