import { DynamicModule, Global, Module } from '@nestjs/common';

/** The current time, injected so deadlines and expiry are testable without sleeping. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** Provides CLOCK everywhere; tests pass their own clock through AppModule.register. */
@Global()
@Module({})
export class ClockModule {
  static register(clock: Clock = systemClock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
