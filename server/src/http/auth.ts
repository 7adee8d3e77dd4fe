import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ReachoutError } from 'reachout/core';
import { problemOf, problemResponse } from './problem';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * `Authorization: Bearer <token>` or `401 UNAUTHORIZED` with `WWW-Authenticate: Bearer`. Tokens
 * are compared as SHA-256 digests (equal length) in constant time.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  if (!token) throw new Error('createApp: token must be a non-empty string');
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer[ ]+(.+)$/i.exec(header.trim());
    const given = match?.[1]?.trim();
    if (given && timingSafeEqual(digest(given), expected)) {
      await next();
      return;
    }
    const message = given
      ? 'The bearer token is not valid'
      : 'Send the API token as Authorization: Bearer <token>';
    return problemResponse(problemOf(new ReachoutError('UNAUTHORIZED', message)), {
      'WWW-Authenticate': given ? 'Bearer error="invalid_token"' : 'Bearer',
    });
  };
}
