import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AbuseLimits } from '../auth/abuse-limits';
import { refuseBlockedAddresses } from '../auth/address-block';
import { PasswordHasher } from '../auth/password-hasher';
import { ChangeFeed } from '../common/change-feed/change-feed';
import { readYourWrites } from '../common/change-feed/read-your-writes';
import { bodyParsers } from '../common/http/body-parsing';
import { Environment, ENVIRONMENT, trustProxySetting } from '../config/environment';
import { limitJsonDepth } from '../common/http/json-depth';
import { rejectIllFormedUnicode } from '../common/http/well-formed-text';
import { createValidationPipe } from '../common/http/validation';

/** Request bodies above this are refused with 413 before any parsing work. */
export const BODY_LIMIT = '100kb';

/** Everything cross-cutting, once: used by main.ts and by the tests alike. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  const env = app.get<Environment>(ENVIRONMENT);
  // Off unless configured: with 'loopback', any local client chose its own address (and so
  // its own rate-limit bucket) through X-Forwarded-For.
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  app.use(refuseBlockedAddresses(app.get(AbuseLimits), app.get(PasswordHasher)));
  for (const parser of bodyParsers(BODY_LIMIT)) app.use(parser);
  app.use(limitJsonDepth);
  app.use(rejectIllFormedUnicode);
  // A write answers once its changes have reached this instance's read caches.
  app.use(readYourWrites(app.get(ChangeFeed)));
  app.useGlobalPipes(createValidationPipe());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular Material and ECharts set inline styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // Signals are handled by exitCleanlyOnSignals (main.ts), not enableShutdownHooks.
  // The API description is for developers; a production server does not hand out its map.
  if (env.NODE_ENV === 'production') return app;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Ji\u2019nan–Japan B2B matchmaking API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
