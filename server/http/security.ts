/**
 * Security headers on every answer: a strict Content-Security-Policy (the built UI has no inline
 * script; scripts, fetches and fonts come from this origin only), no framing, no MIME
 * sniffing, no referrer across origins, and no powerful browser features.
 */
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Styles: the page's own sheets, plus the style attributes that Cytoscape and CodeMirror write from
  // script (blocked otherwise). Inline styles cannot run code; scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  // PNG/SVG export and the favicon use data: and blob: URLs made by the page itself.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export const securityHeaders: RequestHandler = (_request, response, next) => {
  for (const [name, value] of Object.entries(HEADERS)) response.setHeader(name, value);
  next();
};
