import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto, LoginDto, LoginResponse, MeView, RegisterDto, UpdateMeDto } from '@jinan/contracts';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-throttle';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LoginAttempt()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Public()
  @LoginAttempt()
  @Post('auth/register')
  register(@Body() dto: RegisterDto): Promise<LoginResponse> {
    return this.auth.register(dto);
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
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<LoginResponse> {
    return this.auth.changePassword(user.id, dto);
  }
}
