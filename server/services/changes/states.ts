/**
 * Elements as a change records them: a node's labels and properties, a relationship's type, the
 * keys of its ends and its properties, each value typed (stored.ts). Comparing two states and
 * saying what differs (the conflicts of a 409). Pure.
 */
import type { ChangeConflict, ChangedElement, ElementState, StoredValue } from '../../contract';
import { storedToPlain } from '../../neo4j';

/** An element's state as canonical JSON: equal states give equal texts. */
export function canonicalState(state: ElementState | null): string {
  if (state === null) return 'null';
  const properties = Object.fromEntries(Object.keys(state.properties).sort().map((key) => [key, state.properties[key]]));
  return state.kind === 'node'
    ? JSON.stringify({ kind: 'node', labels: [...state.labels].sort(), properties })
    : JSON.stringify({ kind: 'relationship', type: state.type, from: state.from, to: state.to, properties });
}

export function sameState(a: ElementState | null, b: ElementState | null): boolean {
  return canonicalState(a) === canonicalState(b);
}

function sameValue(a: StoredValue | undefined, b: StoredValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What differs between the state a change expected and the one the database holds, property by property. */
export function stateConflicts(key: string, expected: ElementState | null, current: ElementState | null): ChangeConflict[] {
  if (sameState(expected, current)) return [];
  if (expected === null) return [{ key, expected: null, current: 'exists (created since)' }];
  if (current === null) return [{ key, expected: 'exists', current: 'deleted since' }];
  const conflicts: ChangeConflict[] = [];
  if (expected.kind === 'relationship' && current.kind === 'relationship') {
    for (const field of ['type', 'from', 'to'] as const) {
      if (expected[field] !== current[field]) conflicts.push({ key, property: `(${field})`, expected: expected[field], current: current[field] });
    }
  }
  if (expected.kind === 'node' && current.kind === 'node' && JSON.stringify([...expected.labels].sort()) !== JSON.stringify([...current.labels].sort())) {
    conflicts.push({ key, property: '(labels)', expected: expected.labels, current: current.labels });
  }
  const names = [...new Set([...Object.keys(expected.properties), ...Object.keys(current.properties)])].sort();
  for (const name of names) {
    if (!sameValue(expected.properties[name], current.properties[name])) {
      conflicts.push({ key, property: name, expected: storedToPlain(expected.properties[name]), current: storedToPlain(current.properties[name]) });
    }
  }
  return conflicts;
}

/**
 * The elements of a change, one per element in the order first touched: the state before the
 * change's first operation on it and after its last. Elements it left as they were are dropped.
 */
export class ElementRecorder {
  private readonly elements = new Map<string, ChangedElement>();

  record(kind: ChangedElement['kind'], key: string, before: ElementState | null, after: ElementState | null): void {
    const id = `${kind}:${key}`;
    const earlier = this.elements.get(id);
    if (earlier) earlier.after = after;
    else this.elements.set(id, { kind, key, before, after });
  }

  /** The state this change has already given the element (undefined: it has not touched it). */
  touched(kind: ChangedElement['kind'], key: string): ChangedElement | undefined {
    return this.elements.get(`${kind}:${key}`);
  }

  list(): ChangedElement[] {
    return [...this.elements.values()].filter((element) => !sameState(element.before, element.after));
  }
}

/** The plain value of a stored property, for comparing with what an editor says it read. */
export function plainProperty(state: ElementState, name: string): ReturnType<typeof storedToPlain> {
  return storedToPlain(state.properties[name]);
}
