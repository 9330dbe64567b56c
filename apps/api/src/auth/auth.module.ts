import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PasswordHasher } from './password-hasher';
import { AbuseLimits } from './abuse-limits';
import { AccountMailer } from './account-mailer';
import { PasswordResetService } from './password-reset.service';
import { TokenService } from './token.service';

export interface AuthOptions {
  jwtSecret: string;
  jwtTtlSeconds: number;
}

@Module({})
export class AuthModule {
  static register(options: AuthOptions) {
    return {
      module: AuthModule,
      // Global: the password check and tokens serve other domains too (account/ erasure).
      global: true,
      imports: [
        JwtModule.register({
          // A key object, not the string: jsonwebtoken otherwise tries (and fails) to parse a
          // string as a public key on every sign and verify, a sixth of the CPU of a read.
          secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')),
          signOptions: { expiresIn: options.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        OrganizationsModule,
      ],
      controllers: [AuthController],
      providers: [AuthService, PasswordHasher, TokenService, JwtAuthGuard, AbuseLimits, AccountMailer, PasswordResetService],
      exports: [PasswordHasher, TokenService, JwtAuthGuard, AbuseLimits, AccountMailer],
    };
  }
}
