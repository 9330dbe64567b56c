import { Role } from '@jinan/contracts';

/** Who is calling, as established by the token guard from the database. */
export interface AuthUser {
  id: string;
  role: Role;
  organizationId: string | null;
  /** The user's own IANA zone, the default for times shown to them. */
  timeZone: string;
}

/** Claims carried by an access token. */
export interface AccessTokenClaims {
  sub: string;
  /** users.token_version when the token was issued; a password change raises it. */
  tv: number;
}
