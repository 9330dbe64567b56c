import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims } from '../common/auth/auth-user';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(userId: string, tokenVersion: number): Promise<string> {
    const claims: AccessTokenClaims = { sub: userId, tv: tokenVersion };
    return this.jwt.signAsync(claims);
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
