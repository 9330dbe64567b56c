import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment, ENVIRONMENT } from './environment';

/** The validated settings, injectable anywhere as ENVIRONMENT. */
@Global()
@Module({})
export class EnvironmentModule {
  static register(env: Environment): DynamicModule {
    return { module: EnvironmentModule, providers: [{ provide: ENVIRONMENT, useValue: env }], exports: [ENVIRONMENT] };
  }
}
