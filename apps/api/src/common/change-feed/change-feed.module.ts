import { DynamicModule, Global, Module } from '@nestjs/common';
import { CHANGE_FEED_OPTIONS, ChangeFeed, ChangeFeedOptions } from './change-feed';

/** The instance's one LISTEN connection, for every domain's read cache. */
@Global()
@Module({})
export class ChangeFeedModule {
  static register(options: ChangeFeedOptions): DynamicModule {
    return {
      module: ChangeFeedModule,
      providers: [{ provide: CHANGE_FEED_OPTIONS, useValue: options }, ChangeFeed],
      exports: [ChangeFeed],
    };
  }
}
