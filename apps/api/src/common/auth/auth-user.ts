import { Role } from '@jinan/contracts';

/** Who is calling, as established by the token guard from the database. */
export interface AuthUser {
  id: string;
  role: Role;
  organizationId: string | null;
  /** The user's own IANA zone, the default for times shown to them. */
  timeZone: string;
  /** The access token this request came with (id and expiry), for logout. */
  session?: { tokenId: string | null; expiresAt: number | null };
}

/** Claims carried by an access token. */
export interface AccessTokenClaims {
  sub: string;
  /** users.token_version when the token was issued; a password change raises it. */
  tv: number;
  /** Token id (a UUID), listed in revoked_tokens once its holder logs out. */
  jti?: string;
  exp?: number;
}
