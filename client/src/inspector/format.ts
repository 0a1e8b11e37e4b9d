/** Property values as text for the inspector (pure). */
import type { PlainValue } from '../../../server/contract';

export function valueText(value: PlainValue): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(' · ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 10000 ? value.toLocaleString('en-US') : String(value);
  return String(value);
}

export const ARROWS = { out: '→', in: '←' } as const;

/** "PARTNERS_WITH →" or "← OWNS": a relationship group as the user reads it. */
export function groupText(type: string, direction: 'out' | 'in'): string {
  return direction === 'out' ? `${type} →` : `← ${type}`;
}

/**
 * The address to link a source to: an absolute http or https URL, as the browser reads it; null for
 * anything else (javascript:, data:, relative or malformed text), which is then shown as text only.
 */
export function webAddress(text: string | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}
