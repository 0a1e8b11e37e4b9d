/**
 * Security headers on every answer, set by helmet: a strict Content-Security-Policy (the built UI has
 * no inline script; scripts, fetches and fonts come from this origin only), no framing, no MIME
 * sniffing, no referrer across origins, the same-origin opener and resource policies; plus a
 * Permissions-Policy (helmet has none) that turns off powerful browser features. HSTS only for a
 * public deployment (a local one is plain http on 127.0.0.1).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Styles: the page's own sheets, plus the style attributes that Cytoscape and CodeMirror write from
  // script (blocked otherwise). Inline styles cannot run code; scripts stay strictly 'self'.
  'style-src': ["'self'", "'unsafe-inline'"],
  // PNG/SVG export and the favicon use data: and blob: URLs made by the page itself.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as sent, for tools that want to compare (one directive per `;`). */
export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

export function securityHeaders(options: { hsts: boolean }): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
    (_request, response, next) => {
      response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}
