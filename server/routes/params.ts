/** Parsing of query-string parameters, with errors that say what was wrong. */
import { BadRequestError } from '../errors';

export function integerParameter(raw: unknown, name: string, bounds: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw === '') return bounds.fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) {
    throw new BadRequestError(`Parameter '${name}' must be a whole number between ${bounds.min} and ${bounds.max}.`);
  }
  const value = Number(raw);
  if (value < bounds.min || value > bounds.max) {
    throw new BadRequestError(`Parameter '${name}' is ${value}; it must be between ${bounds.min} and ${bounds.max}.`);
  }
  return value;
}
