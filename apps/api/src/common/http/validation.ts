import { BadRequestException, ParseUUIDPipe, Param, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@jinan/contracts';

/** Flattens class-validator's tree into one entry per offending field path. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, messages: Object.values(error.constraints).map((m) => m.replace(error.property, field)) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

export function validationFailed(details: FieldError[]): BadRequestException {
  const message = details.map((d) => d.messages.join(', ')).join('; ');
  return new BadRequestException({ message, code: 'VALIDATION_FAILED', details });
}

/** The one global pipe: unknown fields refused, values coerced to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}

/** A route parameter that must be a UUID; a malformed one is a 400 naming it. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed([{ field: name, messages: [`${name} must be a UUID`] }]),
    }),
  );
}
