import type { NextFunction, Request, Response } from 'express';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { validationFailed } from './validation';

/** A UTF-16 code unit of a surrogate pair standing alone: text no encoder can write. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Set on the request by the JSON parser when the body's bytes are not well-formed UTF-8. */
export const INVALID_UTF8 = Symbol('invalidUtf8');

/**
 * The path (class-validator style, `organization.nameZh`, `items.0`) of the first string
 * (value or key) in `value` that `bad` flags; undefined when there is none. Iterative:
 * bodies are depth-limited elsewhere, but a wide one must not cost a stack per element.
 */
export function findBadString(value: unknown, bad: (s: string) => boolean): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (bad(node)) return path || 'body';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const childPath = path ? `${path}.${key}` : key;
      if (bad(key)) return childPath;
      stack.push([child, childPath]);
    }
  }
  return undefined;
}

const filter = new ApiExceptionFilter();

export const isIllFormed = (s: string): boolean => LONE_SURROGATE.test(s);

/**
 * Refuses ill-formed Unicode anywhere in the body or the query before validation runs:
 * lone surrogates (JSON's "\ud800" escape) and bytes that are not UTF-8 (overlong or
 * truncated sequences, which the decoder would silently turn into U+FFFD). Validators
 * such as IsEmail call encodeURI and would otherwise throw a URIError, a 500; the
 * database would store replacement characters. Answered as 400 naming the field.
 */
export function rejectIllFormedUnicode(req: Request, res: Response, next: NextFunction): void {
  const invalidUtf8 = (req as unknown as Record<symbol, boolean>)[INVALID_UTF8];
  const field = invalidUtf8
    ? (findBadString(req.body, (s) => s.includes('\uFFFD')) ?? 'body')
    : (findBadString(req.body, isIllFormed) ?? findBadString(req.query, isIllFormed));
  if (field === undefined) return next();
  const message = invalidUtf8 ? `${field} is not valid UTF-8` : `${field} contains ill-formed Unicode (a lone surrogate)`;
  // Answered here, not by next(error): see jsonBodyParser for where an error would end up.
  filter.send(res, validationFailed([{ field, messages: [message] }]));
}
