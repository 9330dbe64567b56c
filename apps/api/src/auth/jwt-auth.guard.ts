import type { ErrorCode } from '@jinan/contracts';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC } from '../common/auth/decorators';
import { sessionUserOf } from './auth.queries';
import { TokenService } from './token.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public().
 * The user is re-read on each request, so a password change (token_version) or an
 * erased account takes effect at once on every instance.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerToken(request);
    if (!token) throw unauthorized('a bearer token is required');
    const claims = await this.tokens.verify(token);
    if (!claims) throw unauthorized('the token is invalid or expired');
    const jti = typeof claims.jti === 'string' && UUID.test(claims.jti) ? claims.jti : null;
    const row = await sessionUserOf(this.db.manager, claims.sub, claims.tv, jti);
    if (!row) throw unauthorized('the token has been revoked');
    request.user = {
      id: row.id,
      role: row.role,
      organizationId: row.organization_id,
      timeZone: row.time_zone,
      session: { tokenId: jti, expiresAt: typeof claims.exp === 'number' ? claims.exp : null },
    };
    return true;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}

function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({ message, code: 'UNAUTHENTICATED' satisfies ErrorCode });
}
