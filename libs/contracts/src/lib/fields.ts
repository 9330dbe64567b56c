import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { named } from './validation';

/** Applies several property decorators as one. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An integer in [min, max]; query strings are converted first. */
export function IntIn(min: number, max: number): PropertyDecorator {
  return all(
    Type(() => Number),
    IsInt(named('must be an integer')),
    Min(min, named(`must be at least ${min}`)),
    Max(max, named(`must be at most ${max}`)),
  );
}

/** A string of at most `max` characters (and at least `min`, when given). */
export function Text(max: number, min?: number): PropertyDecorator {
  return all(
    IsString(named('must be a string')),
    ...(min ? [MinLength(min, named(min === 1 ? 'must not be empty' : `must be at least ${min} characters`))] : []),
    MaxLength(max, named(`must be at most ${max} characters`)),
  );
}

/** One of a fixed set of values, listed in the error message. */
export function OneOf(values: readonly unknown[], each = false): PropertyDecorator {
  return IsIn(values as unknown[], { each, ...named(`must be one of: ${values.join(', ')}`) });
}
