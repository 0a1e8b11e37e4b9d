/**
 * Which hosts the server answers for, and which pages may change state (DNS rebinding, CSRF).
 *
 * A page on evil.example whose name is made to resolve to 127.0.0.1 reaches a server on this machine
 * with `Host: evil.example`: every request whose Host (as Express reads it, X-Forwarded-Host behind a
 * trusted proxy) is not an allowed host is refused with 421, before any route or file. An allow-list:
 * the loopback names, the listen address, and what ALLOWED_HOSTS names.
 *
 * A request that changes state (POST, PUT, PATCH, DELETE) with an Origin header must come from this
 * server's own pages: the Origin's host is the request's Host. No Origin is fine: it is not a
 * browser's request from another page (curl, scripts).
 */
import type { RequestHandler } from 'express';
import { ForbiddenOriginError, MisdirectedRequestError } from '../errors';

/** A host name (lower case; IPv6 in brackets) and the one port it is allowed on, or null for any. */
export interface HostRule {
  hostname: string;
  port: number | null;
}

/** The allowed hosts: rules, or 'any' (ALLOWED_HOSTS=*). */
export type AllowedHosts = readonly HostRule[] | 'any';

export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** Splits a Host header (or an ALLOWED_HOSTS entry) into name and port; null when it is not one. Pure. */
export function parseHost(text: string): { hostname: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!match) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  return { hostname: match[1]!.toLowerCase().replace(/\.$/, ''), port };
}

export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Whether the server listens on every address (0.0.0.0 or ::): then only ALLOWED_HOSTS names its public names. */
export function isWildcardAddress(host: string): boolean {
  return WILDCARD_ADDRESSES.has(host.toLowerCase());
}

/**
 * The allowed hosts: the loopback names and the listen address (unless it is 0.0.0.0 or ::) on the
 * given ports (none: any port), plus the ALLOWED_HOSTS entries, each on its own port or any. Pure.
 */
export function allowedHosts(options: { listenHost?: string; ports?: readonly number[]; configured?: readonly string[] }): AllowedHosts {
  const configured = options.configured ?? [];
  if (configured.includes('*')) return 'any';
  const ports: Array<number | null> = options.ports && options.ports.length > 0 && !options.ports.includes(0) ? [...options.ports] : [null];
  const names = new Set<string>(LOOPBACK_NAMES);
  if (options.listenHost && !isWildcardAddress(options.listenHost)) {
    names.add(options.listenHost.includes(':') && !options.listenHost.startsWith('[') ? `[${options.listenHost.toLowerCase()}]` : options.listenHost.toLowerCase());
  }
  const rules: HostRule[] = [...names].flatMap((hostname) => ports.map((port) => ({ hostname, port })));
  for (const entry of configured) {
    const parsed = parseHost(entry);
    if (parsed) rules.push(parsed);
  }
  return rules;
}

/** Whether a Host header names an allowed host. Pure. */
export function isAllowedHost(allowed: AllowedHosts, host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  if (allowed === 'any') return true;
  const parsed = parseHost(host);
  if (!parsed) return false;
  return allowed.some((rule) => rule.hostname === parsed.hostname && (rule.port === null || rule.port === parsed.port));
}

/** Whether an Origin header names the same host as the request (scheme http or https). Pure. */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // An Origin is scheme://host[:port] and nothing else.
  if (url.origin !== origin) return false;
  const ours = parseHost(host);
  const theirs = parseHost(url.host);
  if (!ours || !theirs || ours.hostname !== theirs.hostname) return false;
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return (ours.port ?? defaultPort) === (theirs.port ?? defaultPort);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const shown = (text: string): string => `'${text.slice(0, 100).replace(/[^\x20-\x7e]/g, '?')}'`;

export function hostGuard(allowed: AllowedHosts): RequestHandler {
  return (request, _response, next) => {
    const host = request.host;
    if (!isAllowedHost(allowed, host)) {
      throw new MisdirectedRequestError(
        host
          ? `This server does not answer for the host ${shown(host)} (the request's Host header). If that is a name of this server, add it to ALLOWED_HOSTS (comma-separated, e.g. ALLOWED_HOSTS=fingraph.example.com,10.0.0.5:3000) and restart it.`
          : `The request has no Host header; send the server's name in it (allowed names are set by ALLOWED_HOSTS).`,
      );
    }
    const origin = request.get('origin');
    if (origin !== undefined && STATE_CHANGING.has(request.method) && !isSameOrigin(origin, host)) {
      throw new ForbiddenOriginError(
        `A ${request.method} from the page at ${shown(origin)} is refused: requests that change state must come from this server's own pages (the same origin as ${shown(host!)}). Open Fingraph at its own address, or send the request without an Origin header (as curl and scripts do).`,
      );
    }
    next();
  };
}
