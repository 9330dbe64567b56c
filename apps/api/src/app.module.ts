import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { existsSync } from 'node:fs';
import { AuditModule } from './audit/audit.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { AccountModule } from './account/account.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { loginThrottler } from './auth/login-throttle';
import { MatchingModule, MatchingOptionsModule } from './matching/matching.module';
import { RolesGuard } from './common/auth/roles.guard';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { PostgresThrottlerStorage } from './common/throttling/postgres-throttler-storage';
import { HotReadsModule } from './common/hot-reads/hot-reads';
import { Environment } from './config/environment';
import { EnvironmentModule } from './config/environment.module';
import { dataSourceOptions } from './database/data-source';
import { EditionsModule } from './editions/editions.module';
import { HealthController } from './health/health.controller';
import { OffersModule } from './offers/offers.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ParticipationModule } from './participation/participation.module';
import { Clock, ClockModule } from './common/clock';
import { ChangeFeedModule } from './common/change-feed/change-feed.module';
import { JobsModule } from './jobs/jobs.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { CalendarModule } from './calendar/calendar.module';
import { redactRequestLog } from './common/logging/request-log-redaction';
import { ExportsModule } from './exports/exports.module';
import { FeedbackModule } from './feedback/feedback.module';
import { StatsModule } from './stats/stats.module';
import { RemindersModule } from './reminders/reminders.module';
import { KeyProjectsModule } from './key-projects/key-projects.module';

export interface AppOptions {
  env: Environment;
  databaseUrl: string;
  jwtSecret: string;
  /** Runs last on shutdown, after connections are closed (stops an embedded database). */
  onShutdown?: () => Promise<void>;
  /** The time source; tests pass a clock they move by hand. */
  clock?: Clock;
}

export const ON_SHUTDOWN = Symbol('ON_SHUTDOWN');

@Injectable()
class ShutdownHook implements OnApplicationShutdown {
  constructor(@Inject(ON_SHUTDOWN) private readonly hook: () => Promise<void>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.hook();
  }
}

@Module({})
export class AppModule {
  static register({ env, databaseUrl, jwtSecret, onShutdown, clock }: AppOptions): DynamicModule {
    const webRoot = env.WEB_ROOT;
    return {
      module: AppModule,
      imports: [
        EnvironmentModule.register(env),
        LoggerModule.forRoot({
          // Every route, in the path syntax of Express 5 (nestjs-pino's default '*' is converted with a warning at each start).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: env.LOG_LEVEL,
              // Never log credentials or tokens.
              redact: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                'req.body.password',
                'req.body.currentPassword',
                'req.body.newPassword',
                'req.body.token',
              ],
              autoLogging: { ignore: (req) => req.url === '/api/health' },
              serializers: { req: redactRequestLog },
            },
            // Asynchronous writes (flushed at exit): a synchronous write per request log line
            // took a sixth of the CPU of a read under load.
            pino.destination({ dest: env.LOG_FILE ?? 1, sync: false, append: true }),
          ],
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, env.DATABASE_POOL_SIZE), retryAttempts: 3, retryDelay: 1000 }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (db: DataSource) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }, loginThrottler(env.LOGIN_ATTEMPTS_PER_MINUTE)],
            // The login limit is counted in PostgreSQL, so it holds across every instance.
            storage: new PostgresThrottlerStorage(db, new Set(['login'])),
          }),
        }),
        ...(webRoot && existsSync(webRoot) ? [ServeStaticModule.forRoot({ rootPath: webRoot, exclude: ['/api/{*rest}'] })] : []),
        AuditModule,
        AuditTrailModule,
        AuthModule.register({ jwtSecret, jwtTtlSeconds: env.JWT_TTL_SECONDS }),
        AccountModule,
        OrganizationsModule,
        OffersModule,
        EditionsModule,
        ParticipationModule,
        ClockModule.register(clock),
        ChangeFeedModule.register({ databaseUrl }),
        HotReadsModule.register({ databaseUrl, poolSize: env.HOT_READS_POOL_SIZE }),
        JobsModule.register({ databaseUrl, enabled: env.JOBS_ENABLED === 'true', maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_SECONDS }),
        NotificationsModule.register({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
        MeetingsModule.register({ answerWindowHours: env.MEETING_ANSWER_HOURS }),
        SchedulingModule,
        StatsModule,
        CalendarModule,
        ExportsModule,
        FeedbackModule,
        MatchingOptionsModule.register({
          shardSize: env.MATCHING_SHARD_SIZE,
          shardExpireSeconds: env.MATCHING_SHARD_EXPIRE_SECONDS,
          work: env.MATCHING_IN_API === 'true',
        }),
        MatchingModule,
        RemindersModule,
        KeyProjectsModule,
      ],
      controllers: [HealthController],
      providers: [
        // Guards run in this order: rate limit, authenticate, then check the role.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: ON_SHUTDOWN, useValue: onShutdown ?? (async () => undefined) },
        ShutdownHook,
      ],
    };
  }
}
