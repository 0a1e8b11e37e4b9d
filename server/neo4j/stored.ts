/**
 * Property values as a change's history stores them (JSON text in Neo4j), and back: integers and
 * non-finite floats are tagged so that a revert writes back exactly the type that was there (a JSON
 * number alone cannot tell 2015 from 2015.0). Pure functions over driver values.
 */
import neo4j from 'neo4j-driver';
import type { PlainValue, StoredValue } from '../contract';

/** A value the history cannot store and restore exactly (a date, a point, bytes): the change is refused. */
export class UnstorableValueError extends Error {
  override name = 'UnstorableValueError';
}

export function toStoredValue(value: unknown, property: string): StoredValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (typeof value === 'bigint') return { $int: value.toString() };
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map((item) => toStoredValue(item, property));
  throw new UnstorableValueError(`Property '${property}' holds a value Fingraph's history cannot store yet (a date, time, point or bytes); edit that element in Neo4j itself.`);
}

export function toStoredProperties(properties: Record<string, unknown>): Record<string, StoredValue> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, toStoredValue(value, key)]));
}

function isTagged(value: StoredValue): value is { $int: string } | { $float: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored value as the driver writes it back (integers as Neo4j integers). */
export function fromStoredValue(value: StoredValue): unknown {
  if (Array.isArray(value)) return value.map(fromStoredValue);
  if (isTagged(value)) return '$int' in value ? neo4j.int(value.$int) : Number(value.$float);
  return value;
}

export function fromStoredProperties(properties: Record<string, StoredValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromStoredValue(value)]));
}

/** A stored value as plain JSON (integers as numbers, or text beyond 2^53), for answers and comparisons. */
export function storedToPlain(value: StoredValue | undefined): PlainValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(storedToPlain);
  if (isTagged(value)) {
    if ('$float' in value) return value.$float;
    const number = Number(value.$int);
    return Number.isSafeInteger(number) ? number : value.$int;
  }
  return value;
}
