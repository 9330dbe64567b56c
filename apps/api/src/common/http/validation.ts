import { BadRequestException, ParseUUIDPipe, Param, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, FieldError } from '@jinan/contracts';

/** A field's messages and the names of the rules it broke (what clients translate). */
export type RuledFieldError = FieldError & { rules?: string[] };

/** Flattens class-validator's tree into one entry per offending field path. */
export function toFieldErrors(errors: ValidationError[], parent = ''): RuledFieldError[] {
  const out: RuledFieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, messages: Object.values(error.constraints).map((m) => m.replace(error.property, field)), rules: Object.keys(error.constraints) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/** The 400 of a failed validation: English messages per field, and the rule names beside them. */
export function validationFailed(fields: RuledFieldError[]): BadRequestException {
  const message = fields.map((d) => d.messages.join(', ')).join('; ');
  const details: FieldError[] = fields.map(({ field, messages }) => ({ field, messages }));
  const rules = Object.fromEntries(fields.filter((f) => f.rules?.length).map((f) => [f.field, f.rules]));
  return new BadRequestException({ message, code: 'VALIDATION_FAILED' satisfies ErrorCode, details, rules });
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
      exceptionFactory: () => validationFailed([{ field: name, messages: [`${name} must be a UUID`], rules: ['isUuid'] }]),
    }),
  );
}
