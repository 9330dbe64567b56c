import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponse,
  MeView,
  PasswordResetAccepted,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RegisterDto,
  RegistrationAccepted,
  UpdateMeDto,
} from '@jinan/contracts';
import type { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-throttle';
import { PasswordResetService } from './password-reset.service';

/** The client address the limits count by (the socket's, unless TRUST_PROXY names proxies). */
const address = (req: Request) => req.ip ?? 'unknown';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @LoginAttempt()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto, address(req));
  }

  /** 202 whether or not the e-mail was taken (the owner of a taken one is told by mail); log in next. */
  @Public()
  @LoginAttempt()
  @Post('auth/register')
  @HttpCode(202)
  register(@Body() dto: RegisterDto, @Req() req: Request): Promise<RegistrationAccepted> {
    return this.auth.register(dto, address(req));
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  /** Always 202 with the same body: it never tells whether the e-mail has an account. */
  @Public()
  @LoginAttempt()
  @Post('auth/password-reset')
  @HttpCode(202)
  requestReset(@Body() dto: PasswordResetRequestDto, @Req() req: Request): Promise<PasswordResetAccepted> {
    return this.resets.request(dto, address(req));
  }

  @Public()
  @LoginAttempt()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  confirmReset(@Body() dto: PasswordResetConfirmDto, @Req() req: Request): Promise<void> {
    return this.resets.confirm(dto, address(req));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.auth.me(user.id);
  }

  @ApiBearerAuth()
  @Patch('me')
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeView> {
    return this.auth.updateMe(user.id, dto);
  }

  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.changePassword(user.id, dto, address(req));
  }
}
