import type { NextFunction, Request, RequestHandler, Response } from 'express';
import bodyParser from 'body-parser';
import { isUtf8 } from 'node:buffer';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { INVALID_UTF8 } from './well-formed-text';

/**
 * The body parsers (JSON, and URL-encoded forms), answering their own errors — malformed
 * JSON → 400, too large → 413 — through the API's error filter on the spot. Left to
 * Express, a parse error travels to the next error handler, and when the web app is
 * served beside the API that is serve-static's, which turns every error under /api into
 * 404 "Cannot POST". Named like Nest's own parsers so Nest does not add those after them.
 * Raw bytes that are not UTF-8 are flagged for rejectIllFormedUnicode, which names the field.
 */
export function bodyParsers(limit: string): RequestHandler[] {
  const verify = (req: Request, _res: Response, buf: Buffer, encoding: string) => {
    if (/^utf-?8$/i.test(encoding) && !isUtf8(buf)) (req as unknown as Record<symbol, boolean>)[INVALID_UTF8] = true;
  };
  return [
    answeringErrors('jsonParser', bodyParser.json({ limit, verify })),
    answeringErrors('urlencodedParser', bodyParser.urlencoded({ limit, verify, extended: false })),
  ];
}

function answeringErrors(name: string, parse: RequestHandler): RequestHandler {
  const filter = new ApiExceptionFilter();
  const handler = (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (error) filter.send(res, error);
      else next();
    });
  return Object.defineProperty(handler, 'name', { value: name });
}
