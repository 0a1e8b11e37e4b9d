/** Requests with a body must send JSON: anything else is a 415 that says what to send. */
import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from '../errors';

export const jsonBodiesOnly: RequestHandler = (request, _response, next) => {
  const hasBody = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
  if (hasBody && !request.is('application/json')) {
    const sent = request.get('content-type');
    throw new UnsupportedMediaTypeError(`${sent ? `The body was sent as ${sent}; ` : 'The body had no Content-Type; '}send it as JSON with Content-Type: application/json.`);
  }
  next();
};
