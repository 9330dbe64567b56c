import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims } from '../common/auth/auth-user';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(userId: string, tokenVersion: number): Promise<string> {
    const claims: AccessTokenClaims = { sub: userId, tv: tokenVersion };
    // A token id of its own, so logout can revoke exactly this token (revoked_tokens).
    return this.jwt.signAsync(claims, { jwtid: randomUUID() });
  }

  /** Verified claims, or undefined for a missing, forged or expired token. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      return typeof claims.sub === 'string' && typeof claims.tv === 'number' ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}
