/**
 * The work of one change inside its transaction: finding the elements it names (by key, by a key
 * merged away, by elementId, or by a `ref` of the same change), giving a stable key to every node
 * and relationship it touches that has none, writing them, and recording each element's state
 * before and after (states.ts). Every read locks the element until the commit, so that what an
 * edit checks is what it overwrites.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeRecord, ElementState } from '../../contract';
import { chooseNameProperty } from '../../contract/display-name';
import { ChangeRefusedError } from '../../errors';
import { integer, toStoredProperties, UnstorableValueError, type Neo4jNode, type Neo4jRelationship, type TransactionRun } from '../../neo4j';
import type { ChangeModel } from './model';
import { KEY_PATTERN, slugify } from './request';
import { ElementRecorder } from './states';

/** A Neo4j elementId ("4:<database>:<n>"), as the explorer's answers carry them. */
const ELEMENT_ID = /^\d{1,2}:[0-9a-f-]{1,64}:\d{1,19}$/;
const MAX_KEY_SUFFIX = 1000;

export interface LoadedNode {
  elementId: string;
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
  state: ElementState;
}

export interface LoadedRelationship {
  elementId: string;
  key: string;
  type: string;
  from: LoadedNode;
  to: LoadedNode;
  properties: Record<string, unknown>;
  state: ElementState;
}

function stored(properties: Record<string, unknown>, where: string): ElementState['properties'] {
  try {
    return toStoredProperties(properties);
  } catch (error) {
    if (error instanceof UnstorableValueError) throw new ChangeRefusedError('values.unstorable', `${where}: ${error.message}`);
    throw error;
  }
}

/** A relationship type as a key part: PARTNERS_WITH → partners-with (the seed's relationship ids). */
export function typeSlug(type: string): string {
  return slugify(type.replace(/_/g, '-'));
}

export class ChangeWriter {
  readonly recorder = new ElementRecorder();
  /** The elements this change created, by the `ref` the request gave them. */
  readonly refs = new Map<string, { kind: 'node' | 'relationship'; elementId: string; key: string }>();

  constructor(
    readonly run: TransactionRun,
    readonly rules: ChangeModel,
  ) {}

  nodeState(node: Neo4jNode, where = 'a node'): ElementState {
    return { kind: 'node', labels: [...node.labels], properties: stored(node.properties, where) };
  }

  relationshipState(relationship: Neo4jRelationship, from: string, to: string, where = 'a relationship'): ElementState {
    return { kind: 'relationship', type: relationship.type, from, to, properties: stored(relationship.properties, where) };
  }

  /** The node a reference names, with a stable key (given one now if it had none). */
  async loadNode(ref: string, where: string): Promise<LoadedNode> {
    const own = this.refs.get(ref);
    let node: Neo4jNode | undefined;
    if (own?.kind === 'relationship') throw new ChangeRefusedError('reference.kind', `${where}: '${ref}' names a relationship created in this change, not a node.`);
    if (own) node = (await this.run('changes/node-by-element-id', { id: own.elementId })).records[0]?.get('node');
    else if (ELEMENT_ID.test(ref)) node = (await this.run('changes/node-by-element-id', { id: ref })).records[0]?.get('node');
    else if (KEY_PATTERN.test(ref)) node = (await this.run('changes/node-by-key', { key: ref, follow: true })).records[0]?.get('node');
    if (!node) {
      throw new ChangeRefusedError(
        'reference.unknown',
        `${where}: no node has the key '${ref}' (nor was one created in this change with that ref); give a node's key (its id, e.g. "tencent"), an elementId from the API, or the ref of a node created earlier in the change.`,
      );
    }
    return this.withNodeKey(node, where);
  }

  /** A node already read, as a LoadedNode. */
  async withNodeKey(node: Neo4jNode, where: string): Promise<LoadedNode> {
    const id = node.properties.id;
    if (typeof id === 'string') return { elementId: node.elementId, key: id, labels: [...node.labels], properties: { ...node.properties }, state: this.nodeState(node, where) };
    if (id !== undefined && id !== null) {
      throw new ChangeRefusedError('keys.not-text', `${where}: this node's 'id' property is not a text, so Fingraph cannot use it as the node's stable key; give the node a text id in Neo4j first.`);
    }
    const nameKey = chooseNameProperty(Object.keys(node.properties));
    const base = slugify(nameKey && typeof node.properties[nameKey] === 'string' ? (node.properties[nameKey] as string) : (node.labels[0] ?? 'node'));
    const key = await this.freeNodeKey(base, false, where);
    return this.replaceNode(this.loadedWithoutKey(node, where), { ...node.properties, id: key });
  }

  private loadedWithoutKey(node: Neo4jNode, where: string): LoadedNode {
    return { elementId: node.elementId, key: '', labels: [...node.labels], properties: { ...node.properties }, state: this.nodeState(node, where) };
  }

  /** The relationship a reference names, with a stable key, and its ends with theirs. */
  async loadRelationship(ref: string, where: string): Promise<LoadedRelationship> {
    const own = this.refs.get(ref);
    if (own?.kind === 'node') throw new ChangeRefusedError('reference.kind', `${where}: '${ref}' names a node created in this change, not a relationship.`);
    const id = own?.elementId ?? (ELEMENT_ID.test(ref) ? ref : null);
    const record = id
      ? (await this.run('changes/relationship-by-element-id', { id })).records[0]
      : KEY_PATTERN.test(ref)
        ? (await this.run('changes/relationship-by-key', { key: ref })).records[0]
        : undefined;
    if (!record) {
      throw new ChangeRefusedError('reference.unknown', `${where}: no relationship has the key '${ref}'; give a relationship's key (its id, e.g. "tencent-partners-with-huaxia-bank"), an elementId from the API, or the ref of one created earlier in the change.`);
    }
    return this.withRelationshipKey(record.get('relationship'), record.get('start'), record.get('end'), where);
  }

  async withRelationshipKey(relationship: Neo4jRelationship, start: Neo4jNode, end: Neo4jNode, where: string): Promise<LoadedRelationship> {
    const from = await this.withNodeKey(start, where);
    const to = start.elementId === end.elementId ? from : await this.withNodeKey(end, where);
    const id = relationship.properties.id;
    const loaded: LoadedRelationship = {
      elementId: relationship.elementId,
      key: typeof id === 'string' ? id : '',
      type: relationship.type,
      from,
      to,
      properties: { ...relationship.properties },
      state: this.relationshipState(relationship, from.key, to.key, where),
    };
    if (typeof id === 'string') return loaded;
    if (id !== undefined && id !== null) {
      throw new ChangeRefusedError('keys.not-text', `${where}: this relationship's 'id' property is not a text, so Fingraph cannot use it as its stable key.`);
    }
    const key = await this.freeRelationshipKey(`${from.key}-${typeSlug(relationship.type)}-${to.key}`, false, where);
    return this.replaceRelationship(loaded, { ...relationship.properties, id: key });
  }

  /** A node key no node holds (nor held before a merge): `base`, else base-2, base-3... An explicit key must be free. */
  async freeNodeKey(base: string, explicit: boolean, where: string): Promise<string> {
    return this.freeKey(base, explicit, where, async (key) => Boolean((await this.run('changes/node-key-taken', { key })).records[0]?.get('taken')), 'node');
  }

  async freeRelationshipKey(base: string, explicit: boolean, where: string): Promise<string> {
    return this.freeKey(base, explicit, where, async (key) => Boolean((await this.run('changes/relationship-key-taken', { key })).records[0]?.get('taken')), 'relationship');
  }

  private async freeKey(base: string, explicit: boolean, where: string, taken: (key: string) => Promise<boolean>, what: string): Promise<string> {
    if (explicit) {
      if (await taken(base)) throw new ChangeRefusedError('keys.taken', `${where}: the key '${base}' is already taken by a ${what}; choose another key, or leave it out to have one derived from the name.`);
      return base;
    }
    for (let suffix = 1; suffix <= MAX_KEY_SUFFIX; suffix += 1) {
      const key = suffix === 1 ? base : `${base.slice(0, 90)}-${suffix}`;
      if (!(await taken(key))) return key;
    }
    throw new ChangeRefusedError('keys.taken', `${where}: every key from '${base}' to '${base}-${MAX_KEY_SUFFIX}' is taken; give the element an explicit key.`);
  }

  async createNode(labels: string[], properties: Record<string, unknown>, where: string): Promise<LoadedNode> {
    const node = (await this.run('changes/create-node', { labels, properties })).records[0]!.get('node');
    const loaded: LoadedNode = { elementId: node.elementId, key: String(properties.id), labels: [...node.labels], properties: { ...node.properties }, state: this.nodeState(node, where) };
    this.recorder.record('node', loaded.key, null, loaded.state);
    return loaded;
  }

  async replaceNode(loaded: LoadedNode, properties: Record<string, unknown>): Promise<LoadedNode> {
    const node = (await this.run('changes/replace-node-properties', { id: loaded.elementId, properties })).records[0]!.get('node');
    const key = typeof node.properties.id === 'string' ? node.properties.id : loaded.key;
    const next: LoadedNode = { elementId: node.elementId, key, labels: [...node.labels], properties: { ...node.properties }, state: this.nodeState(node) };
    // A node given its key now is recorded under that key, from the state it had without it.
    this.recorder.record('node', key, loaded.state, next.state);
    return next;
  }

  async deleteNode(loaded: LoadedNode): Promise<void> {
    await this.run('changes/delete-node', { id: loaded.elementId });
    this.recorder.record('node', loaded.key, loaded.state, null);
  }

  async createRelationship(from: LoadedNode, to: LoadedNode, type: string, properties: Record<string, unknown>, where: string): Promise<LoadedRelationship> {
    const record = (await this.run('changes/create-relationship', { from: from.elementId, to: to.elementId, type, properties })).records[0]!;
    const relationship = record.get('relationship');
    const loaded: LoadedRelationship = {
      elementId: relationship.elementId,
      key: String(properties.id),
      type,
      from,
      to,
      properties: { ...relationship.properties },
      state: this.relationshipState(relationship, from.key, to.key, where),
    };
    this.recorder.record('relationship', loaded.key, null, loaded.state);
    return loaded;
  }

  async replaceRelationship(loaded: LoadedRelationship, properties: Record<string, unknown>): Promise<LoadedRelationship> {
    const record = (await this.run('changes/replace-relationship-properties', { id: loaded.elementId, properties })).records[0]!;
    const relationship = record.get('relationship');
    const key = typeof relationship.properties.id === 'string' ? relationship.properties.id : loaded.key;
    const next: LoadedRelationship = { ...loaded, key, properties: { ...relationship.properties }, state: this.relationshipState(relationship, loaded.from.key, loaded.to.key) };
    this.recorder.record('relationship', key, loaded.state, next.state);
    return next;
  }

  async deleteRelationship(loaded: LoadedRelationship): Promise<void> {
    await this.run('changes/delete-relationship', { id: loaded.elementId });
    this.recorder.record('relationship', loaded.key, loaded.state, null);
  }

  /** Every relationship of a node, each with its key and its ends' keys. */
  async relationshipsOf(node: LoadedNode, where: string): Promise<LoadedRelationship[]> {
    const records = (await this.run('changes/node-relationships', { id: node.elementId })).records;
    const loaded: LoadedRelationship[] = [];
    for (const record of records) loaded.push(await this.withRelationshipKey(record.get('relationship'), record.get('start'), record.get('end'), where));
    return loaded;
  }

  /** The relationships that cite `node` as their evidence (at most `limit`). */
  async citing(node: LoadedNode, limit: number, where: string): Promise<LoadedRelationship[]> {
    const records = (await this.run('changes/citing-relationships', { key: node.key, limit: integer(limit) })).records;
    const loaded: LoadedRelationship[] = [];
    for (const record of records) loaded.push(await this.withRelationshipKey(record.get('relationship'), record.get('start'), record.get('end'), where));
    return loaded;
  }

  /** Records the change in the history (nothing when it changed nothing: that is refused). */
  async finish(meta: { author: string; comment: string; revertOf: string | null }): Promise<ChangeRecord> {
    const elements = this.recorder.list();
    if (elements.length === 0) {
      throw new ChangeRefusedError('change.no-op', 'The change changes nothing (every value it sets is already there): nothing was written, and no history entry was made.');
    }
    const id = `change-${randomUUID()}`;
    const keys = [...new Set(elements.map((element) => element.key))];
    const result = await this.run('changes/record-change', { id, ...meta, keys, elements: elements.map((element) => JSON.stringify(element)) });
    return { id, ...meta, at: result.records[0]!.get('at'), elements };
  }
}
