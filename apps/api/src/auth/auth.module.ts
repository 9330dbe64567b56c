import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PasswordHasher } from './password-hasher';
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
      imports: [
        JwtModule.register({
          secret: options.jwtSecret,
          signOptions: { expiresIn: options.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        OrganizationsModule,
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        PasswordHasher,
        TokenService,
        JwtAuthGuard,
      ],
      exports: [PasswordHasher, TokenService, JwtAuthGuard],
    };
  }
}
