import type { NextFunction, Request, Response } from 'express';

/** Deeper than any request body of the API; a parsed body beyond it is refused. */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, walked without recursion (a hostile body can be 50,000 levels deep). */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses a body nested deeper than MAX_JSON_DEPTH with a 400 before anything recursive
 * (class-transformer, class-validator) walks it and overflows the stack into a 500.
 */
export function limitJsonDepth(req: Request, res: Response, next: NextFunction): void {
  if (req.body !== null && typeof req.body === 'object' && jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    res
      .status(400)
      .json({ statusCode: 400, error: 'Bad request', message: `request body is nested more than ${MAX_JSON_DEPTH} levels deep`, code: 'INVALID_BODY' });
    return;
  }
  next();
}
