/**
 * Who may write, until sign-in exists: only local use. A write (the change API) is accepted when
 * the deployment is local, the server listens on a loopback address, and the request comes from
 * loopback without passing through a proxy (a proxy on this machine would make a remote client look
 * local). Anything else is refused with 403 and how to enable editing.
 */
import type { Request, RequestHandler } from 'express';
import type { Deployment } from '../config';
import { WriteForbiddenError } from '../errors';
import { isLoopback } from './hosts';

export interface WriteAccessOptions {
  /** The address the server listens on (HOST); undefined: unknown, so writes are refused. */
  listenHost: string | undefined;
  deployment: Deployment;
}

/** The remote address as a host name isLoopback reads ("::ffff:127.0.0.1" is 127.0.0.1). */
function remoteAddress(request: Request): string {
  const address = request.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** Why this request may not write, or null when it may. Pure but for reading the request. */
export function writeRefusal(options: WriteAccessOptions, request: Request): string | null {
  const enable = 'Editing is accepted only in local use until sign-in exists: run Fingraph on your own machine (npm start, with HOST=127.0.0.1, the default, and DEPLOYMENT=local) and edit from a browser on that machine.';
  if (options.deployment === 'public') return `This server is a public deployment (DEPLOYMENT=public), which is read-only. ${enable}`;
  if (options.listenHost === undefined || !isLoopback(options.listenHost)) {
    return `This server listens on ${options.listenHost ?? 'an address it was not told'} (HOST), which others can reach, so it does not accept edits. ${enable}`;
  }
  if (!isLoopback(remoteAddress(request))) return `This request comes from ${remoteAddress(request) || 'an unknown address'}, not from this machine. ${enable}`;
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) {
    return `This request came through a proxy (it carries X-Forwarded-For or Forwarded), so its sender may not be on this machine. ${enable}`;
  }
  return null;
}

export function writeAccess(options: WriteAccessOptions): RequestHandler {
  return (request, _response, next) => {
    const refusal = writeRefusal(options, request);
    next(refusal === null ? undefined : new WriteForbiddenError(refusal));
  };
}
