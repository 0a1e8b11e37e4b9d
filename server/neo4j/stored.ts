/**
 * Property values as a change's history stores them (JSON text in Neo4j), and back: integers and
 * non-finite floats are tagged so that a revert writes back exactly the type that was there (a JSON
 * number alone cannot tell 2015 from 2015.0); so are dates, times and durations (by their fields,
 * with their ISO text), points (by their coordinates and SRID) and byte arrays (as base64). Pure
 * functions over driver values.
 */
import neo4j from 'neo4j-driver';
import type { PlainValue, StoredTemporal, StoredValue } from '../contract';
import { temporalType, toPlain } from './convert';

/** A value the history cannot store and restore exactly (none a property can hold, today): the change is refused. */
export class UnstorableValueError extends Error {
  override name = 'UnstorableValueError';
}

/** The fields each temporal type is made of, in its constructor's order. */
const TEMPORAL_FIELDS: Record<StoredTemporal['$temporal'], readonly string[]> = {
  Date: ['year', 'month', 'day'],
  LocalTime: ['hour', 'minute', 'second', 'nanosecond'],
  Time: ['hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds'],
  LocalDateTime: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond'],
  DateTime: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds', 'timeZoneId'],
  Duration: ['months', 'days', 'seconds', 'nanoseconds'],
};

export function toStoredValue(value: unknown, property: string): StoredValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (typeof value === 'bigint') return { $int: value.toString() };
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map((item) => toStoredValue(item, property));
  const temporal = temporalType(value);
  if (temporal) {
    const fields: Record<string, string | null> = {};
    for (const field of TEMPORAL_FIELDS[temporal]) {
      const part = (value as unknown as Record<string, unknown>)[field];
      fields[field] = part === undefined || part === null ? null : String(part);
    }
    return { $temporal: temporal, fields, text: toPlain(value) as string };
  }
  if (neo4j.isPoint(value)) {
    const point = toPlain(value) as { srid: number; x: number; y: number; z?: number };
    return { $point: point };
  }
  if (value instanceof Int8Array || value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  throw new UnstorableValueError(`Property '${property}' holds a value Fingraph's history cannot store (${Object.prototype.toString.call(value)}); edit that element in Neo4j itself.`);
}

export function toStoredProperties(properties: Record<string, unknown>): Record<string, StoredValue> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, toStoredValue(value, key)]));
}

type Tagged = Exclude<StoredValue, string | number | boolean | StoredValue[]>;

function isTagged(value: StoredValue): value is Tagged {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A temporal value rebuilt from its stored fields (integers as Neo4j integers, the zone id as text). */
function temporalValue(stored: StoredTemporal): unknown {
  const part = (field: string): ReturnType<typeof neo4j.int> | string | undefined => {
    const text = stored.fields[field];
    if (text === null || text === undefined) return undefined;
    return field === 'timeZoneId' ? text : neo4j.int(text);
  };
  // (Each constructor takes its own fields in this order: typed by the constructor, not here.)
  const [a, b, c, d, e, f, g, h, i] = TEMPORAL_FIELDS[stored.$temporal].map(part) as unknown as [never, never, never, never, never, never, never, never, never];
  switch (stored.$temporal) {
    case 'Date':
      return new neo4j.types.Date(a, b, c);
    case 'LocalTime':
      return new neo4j.types.LocalTime(a, b, c, d);
    case 'Time':
      return new neo4j.types.Time(a, b, c, d, e);
    case 'LocalDateTime':
      return new neo4j.types.LocalDateTime(a, b, c, d, e, f, g);
    case 'DateTime':
      return new neo4j.types.DateTime(a, b, c, d, e, f, g, h, i);
    case 'Duration':
      return new neo4j.types.Duration(a, b, c, d);
  }
}

/** A stored value as the driver writes it back (integers as Neo4j integers, temporals, points and bytes as they were). */
export function fromStoredValue(value: StoredValue): unknown {
  if (Array.isArray(value)) return value.map(fromStoredValue);
  if (!isTagged(value)) return value;
  if ('$int' in value) return neo4j.int(value.$int);
  if ('$float' in value) return Number(value.$float);
  if ('$temporal' in value) return temporalValue(value);
  if ('$point' in value) {
    const { srid, x, y, z } = value.$point;
    return z === undefined ? new neo4j.types.Point(neo4j.int(srid), x, y) : new neo4j.types.Point(neo4j.int(srid), x, y, z);
  }
  return new Int8Array(Buffer.from(value.$bytes, 'base64'));
}

export function fromStoredProperties(properties: Record<string, StoredValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromStoredValue(value)]));
}

/** A stored value as plain JSON (integers as numbers, or text beyond 2^53), for answers and comparisons. */
export function storedToPlain(value: StoredValue | undefined): PlainValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(storedToPlain);
  if (isTagged(value)) {
    // (As the explorer receives such values from convert.ts: ISO text, coordinates, base64.)
    if ('$float' in value) return value.$float;
    if ('$temporal' in value) return value.text;
    if ('$point' in value) return value.$point;
    if ('$bytes' in value) return value.$bytes;
    const number = Number(value.$int);
    return Number.isSafeInteger(number) ? number : value.$int;
  }
  return value;
}
