/** Parsing of request parameters, with errors that say what was wrong and how to fix it. Pure. */
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

/** A Neo4j elementId: "4:<database id>:<number>" for nodes, "5:..." for relationships. */
const ELEMENT_ID = /^\d{1,2}:[0-9a-f-]{1,64}:\d{1,19}$/;

export function elementIdParameter(raw: unknown, name: string): string {
  if (typeof raw !== 'string' || raw === '') throw new BadRequestError(`Parameter '${name}' is required: a Neo4j elementId such as 4:1d8b…:42.`);
  if (!ELEMENT_ID.test(raw)) {
    throw new BadRequestError(`Parameter '${name}' is not a Neo4j elementId (they look like 4:1d8b…:42); ids come from the API's own answers.`);
  }
  return raw;
}

/** A short text: no control characters, at most `max` characters. Undefined when absent. */
export function textParameter(raw: unknown, name: string, max: number): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new BadRequestError(`Parameter '${name}' must be given once, as text.`);
  if (raw.length > max) throw new BadRequestError(`Parameter '${name}' is ${raw.length} characters long; at most ${max} are allowed.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(raw)) throw new BadRequestError(`Parameter '${name}' contains control characters (such as NUL); remove them.`);
  return raw;
}

export function enumParameter<T extends string>(raw: unknown, name: string, values: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !(values as readonly string[]).includes(raw)) {
    throw new BadRequestError(`Parameter '${name}' must be one of ${values.join(', ')}.`);
  }
  return raw as T;
}

/** A comma-separated list of names (relationship types), each checked as text. */
export function listParameter(raw: unknown, name: string): string[] | undefined {
  const text = textParameter(raw, name, 2_000);
  if (text === undefined) return undefined;
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) return undefined;
  if (items.length > 50) throw new BadRequestError(`Parameter '${name}' lists ${items.length} names; at most 50 are allowed.`);
  return [...new Set(items)];
}

/** A JSON list of elementIds (from a request body), deduplicated; undefined when absent. */
export function elementIdList(raw: unknown, name: string, max: number): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new BadRequestError(`'${name}' must be a JSON list of node elementIds.`);
  if (raw.length > max) throw new BadRequestError(`'${name}' lists ${raw.length} ids; at most ${max} are allowed.`);
  return [...new Set(raw.map((item, index) => elementIdParameter(item, `${name}[${index}]`)))];
}
