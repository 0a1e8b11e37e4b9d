/**
 * Each operation of a change, applied through the change's writer (writer.ts) after the model's
 * checks (model.ts). An operation that breaks a rule throws, and the whole change is rolled back.
 */
import { isDeepStrictEqual } from 'node:util';
import type {
  AddEvidenceOperation,
  ChangeOperation,
  ChangeValue,
  CommitArticleOperation,
  CreateNodeOperation,
  CreateRelationshipOperation,
  DeleteNodeOperation,
  EvidenceInput,
  ExpectedValues,
  MergeNodesOperation,
  NewSource,
} from '../../contract';
import { ChangeConflictError, ChangeRefusedError } from '../../errors';
import { SOURCE_LABEL } from '../../seed';
import { checkEntityLabel, checkRelationship, evidenceRequired, quoteInText } from './model';
import { slugify } from './request';
import { plainProperty } from './states';
import { typeSlug, type ChangeWriter, type LoadedNode, type LoadedRelationship } from './writer';

/** Properties Fingraph writes itself: a change sets them through its own fields, never as plain properties. */
const NODE_OWN = ['id', 'formerIds', 'sourceIds', 'quotes'];
const NEW_NODE_OWN = [...NODE_OWN, 'name', 'aliases'];
const RELATIONSHIP_OWN = ['id', 'sourceIds', 'quotes'];

function refuseOwnProperties(names: Iterable<string>, own: readonly string[], where: string): void {
  const found = [...names].find((name) => own.includes(name));
  if (found !== undefined) {
    throw new ChangeRefusedError(
      'properties.reserved',
      `${where}: '${found}' is written by Fingraph itself (${own.join(', ')}): ${found === 'sourceIds' || found === 'quotes' ? 'add evidence with addEvidence' : found === 'name' || found === 'aliases' ? 'give it as the field of the same name' : 'it cannot be set by hand'}.`,
    );
  }
}

/** Refuses an edit whose element moved since the editor read it (409 with what changed), or that does not say what it read. */
export function checkExpected(target: { key: string; state: LoadedNode['state'] }, changed: string[], expected: ExpectedValues | undefined, where: string): void {
  const missing = changed.filter((name) => !(expected && name in expected));
  if (missing.length > 0) {
    throw new ChangeRefusedError(
      'concurrency.expected-missing',
      `${where}: 'expected' must give the value you read of every property you change (null for none), so that an edit made meanwhile is never overwritten; missing: ${missing.join(', ')}.`,
    );
  }
  const conflicts = Object.entries(expected ?? {})
    .filter(([name, value]) => !isDeepStrictEqual(plainProperty(target.state, name), value ?? null))
    .map(([name, value]) => ({ key: target.key, property: name, expected: value ?? null, current: plainProperty(target.state, name) }));
  if (conflicts.length > 0) {
    throw new ChangeConflictError(
      `${where}: '${target.key}' was changed since you read it (${conflicts.map((conflict) => conflict.property).join(', ')}); nothing was written. Read it again and make your edit on what it holds now.`,
      conflicts,
    );
  }
}

function applyEdit(properties: Record<string, unknown>, set: Record<string, ChangeValue> = {}, unset: string[] = []): Record<string, unknown> {
  const next = { ...properties, ...set };
  for (const name of unset) delete next[name];
  return next;
}

function evidencePairs(properties: Record<string, unknown>): Array<[string, string]> {
  const sources = Array.isArray(properties.sourceIds) ? properties.sourceIds.map(String) : [];
  const quotes = Array.isArray(properties.quotes) ? properties.quotes.map(String) : [];
  return quotes.map((quote, index) => [sources[index] ?? '', quote]);
}

/** Properties with these evidence pairs added to theirs (each pair once). */
function withEvidence(properties: Record<string, unknown>, added: Array<[string, string]>): Record<string, unknown> {
  const pairs = evidencePairs(properties);
  for (const pair of added) if (!pairs.some(([source, quote]) => source === pair[0] && quote === pair[1])) pairs.push(pair);
  if (pairs.length === 0) return properties;
  return { ...properties, sourceIds: pairs.map(([source]) => source), quotes: pairs.map(([, quote]) => quote) };
}

export class ChangeOperations {
  constructor(
    private readonly writer: ChangeWriter,
    /** A dry run: a delete needs no confirmation (nothing is written, and the answer lists what would go). */
    private readonly dryRun: boolean,
  ) {}

  async apply(operation: ChangeOperation, where: string): Promise<void> {
    switch (operation.op) {
      case 'createNode':
        await this.createNode(operation, where);
        return;
      case 'createSource':
        await this.createSource(operation, where);
        return;
      case 'editNode': {
        const node = await this.writer.loadNode(operation.node, `${where}.node`);
        refuseOwnProperties([...Object.keys(operation.set ?? {}), ...(operation.unset ?? [])], NODE_OWN, where);
        checkExpected(node, [...Object.keys(operation.set ?? {}), ...(operation.unset ?? [])], operation.expected, where);
        await this.writer.replaceNode(node, applyEdit(node.properties, operation.set, operation.unset));
        return;
      }
      case 'createRelationship':
        await this.createRelationship(operation, where);
        return;
      case 'editRelationship': {
        const relationship = await this.writer.loadRelationship(operation.relationship, `${where}.relationship`);
        refuseOwnProperties([...Object.keys(operation.set ?? {}), ...(operation.unset ?? [])], RELATIONSHIP_OWN, where);
        checkExpected(relationship, [...Object.keys(operation.set ?? {}), ...(operation.unset ?? [])], operation.expected, where);
        await this.writer.replaceRelationship(relationship, applyEdit(relationship.properties, operation.set, operation.unset));
        return;
      }
      case 'addEvidence':
        await this.addEvidence(operation, where);
        return;
      case 'deleteRelationship':
        await this.writer.deleteRelationship(await this.writer.loadRelationship(operation.relationship, `${where}.relationship`));
        return;
      case 'deleteNode':
        await this.deleteNode(operation, where);
        return;
      case 'mergeNodes':
        await this.mergeNodes(operation, where);
        return;
      case 'commitArticle':
        await this.commitArticle(operation, where);
        return;
    }
  }

  private remember(ref: string | undefined, kind: 'node' | 'relationship', element: { elementId: string; key: string }, where: string): void {
    if (ref === undefined) return;
    if (this.writer.refs.has(ref)) throw new ChangeRefusedError('reference.duplicate', `${where}.ref: '${ref}' is already the ref of another element of this change; give each its own.`);
    this.writer.refs.set(ref, { kind, elementId: element.elementId, key: element.key });
  }

  async createNode(operation: Omit<CreateNodeOperation, 'op'>, where: string): Promise<LoadedNode> {
    checkEntityLabel(this.writer.rules, operation.label, `${where}.label`);
    refuseOwnProperties(Object.keys(operation.properties ?? {}), NEW_NODE_OWN, `${where}.properties`);
    const key = await this.writer.freeNodeKey(operation.key ?? slugify(operation.name), operation.key !== undefined, `${where}.key`);
    const aliases = [...new Set((operation.aliases ?? []).filter((alias) => alias !== operation.name))];
    const node = await this.writer.createNode([operation.label], { ...operation.properties, id: key, name: operation.name, aliases }, where);
    this.remember(operation.ref, 'node', node, where);
    return node;
  }

  async createSource(source: NewSource, where: string): Promise<LoadedNode> {
    const key = await this.writer.freeNodeKey(source.key ?? slugify(`${source.publisher} ${source.title}`), source.key !== undefined, `${where}.key`);
    const properties: Record<string, unknown> = { id: key, name: source.title, title: source.title, publisher: source.publisher, url: source.url, published: source.published };
    if (source.text !== undefined && source.text.trim() !== '') properties.text = source.text;
    const node = await this.writer.createNode([SOURCE_LABEL], properties, where);
    this.remember(source.ref, 'node', node, where);
    return node;
  }

  /** Each quote with the key of its source, after checking that the source is one and that its text holds the quote. */
  private async resolveEvidence(evidence: EvidenceInput[], where: string): Promise<Array<[string, string]>> {
    const pairs: Array<[string, string]> = [];
    for (const [index, item] of evidence.entries()) {
      const at = `${where}[${index}]`;
      const source = typeof item.source === 'string' ? await this.writer.loadNode(item.source, `${at}.source`) : await this.createSource(item.source, `${at}.source`);
      if (!source.labels.includes(SOURCE_LABEL)) {
        throw new ChangeRefusedError('evidence.source', `${at}.source: '${source.key}' is a ${source.labels.join(', ')}, not a Source; cite a source article (an existing Source's key, or a new one with title, publisher, url and published).`);
      }
      const text = source.properties.text;
      if (typeof text === 'string' && !quoteInText(item.quote, text)) {
        throw new ChangeRefusedError(
          'evidence.quote-in-source',
          `${at}.quote: the quote is not in the text of the source '${source.key}' (compared ignoring case, spacing and the kind of quotes and dashes); copy the sentence from the article as it is written.`,
        );
      }
      pairs.push([source.key, item.quote]);
    }
    return pairs;
  }

  async createRelationship(operation: Omit<CreateRelationshipOperation, 'op'>, where: string): Promise<LoadedRelationship> {
    const from = await this.writer.loadNode(operation.from, `${where}.from`);
    const to = await this.writer.loadNode(operation.to, `${where}.to`);
    checkRelationship(this.writer.rules, operation.type, from.labels, to.labels, `${where}.type`);
    refuseOwnProperties(Object.keys(operation.properties ?? {}), RELATIONSHIP_OWN, `${where}.properties`);
    const evidence = operation.evidence ?? [];
    if (evidence.length === 0 && evidenceRequired(this.writer.rules)) {
      throw new ChangeRefusedError(
        'evidence.required',
        `${where}.evidence: on the fintech dataset every relationship cites its evidence: add evidence: [{"source": "<a Source's key>" or {"title", "publisher", "url", "published"}, "quote": "<the sentence that states it>"}].`,
      );
    }
    const pairs = await this.resolveEvidence(evidence, `${where}.evidence`);
    const key = await this.writer.freeRelationshipKey(operation.key ?? `${from.key}-${typeSlug(operation.type)}-${to.key}`, operation.key !== undefined, `${where}.key`);
    const relationship = await this.writer.createRelationship(from, to, operation.type, withEvidence({ ...operation.properties, id: key }, pairs), where);
    this.remember(operation.ref, 'relationship', relationship, where);
    return relationship;
  }

  async addEvidence(operation: Omit<AddEvidenceOperation, 'op'>, where: string): Promise<void> {
    const relationship = await this.writer.loadRelationship(operation.relationship, `${where}.relationship`);
    const pairs = await this.resolveEvidence(operation.evidence, `${where}.evidence`);
    await this.writer.replaceRelationship(relationship, withEvidence(relationship.properties, pairs));
  }

  async deleteNode(operation: Omit<DeleteNodeOperation, 'op'>, where: string): Promise<void> {
    const node = await this.writer.loadNode(operation.node, `${where}.node`);
    // The evidence of other relationships is not deleted from under them (they would cite nothing).
    const relationships = await this.writer.relationshipsOf(node, where);
    const own = new Set(relationships.map((relationship) => relationship.elementId));
    const citing = (await this.writer.citing(node, 101, where)).filter((relationship) => !own.has(relationship.elementId));
    if (citing.length > 0) {
      const shown = citing.slice(0, 100);
      throw new ChangeRefusedError(
        'delete.cited',
        `${where}: '${node.key}' is the evidence of ${citing.length > 100 ? 'over 100' : citing.length} relationship${citing.length === 1 ? '' : 's'} (listed in citedBy), which would then cite nothing: delete ${citing.length === 1 ? 'that relationship' : 'those relationships'} first.`,
        { citedBy: shown.map((relationship) => ({ key: relationship.key, type: relationship.type, from: relationship.from.key, to: relationship.to.key })) },
      );
    }
    if (operation.confirm !== true && !this.dryRun) {
      throw new ChangeRefusedError(
        'delete.confirm',
        `${where}: deleting '${node.key}' deletes its ${relationships.length} relationship${relationships.length === 1 ? '' : 's'} with it (listed in goesWith); send "confirm": true to delete them all, or a dry run ("dryRun": true) to see the change first.`,
        { goesWith: relationships.map((relationship) => ({ key: relationship.key, type: relationship.type, from: relationship.from.key, to: relationship.to.key })) },
      );
    }
    for (const relationship of relationships) await this.writer.deleteRelationship(relationship);
    await this.writer.deleteNode(await this.writer.loadNode(node.elementId, `${where}.node`));
  }

  async mergeNodes(operation: Omit<MergeNodesOperation, 'op'>, where: string): Promise<void> {
    const survivor = await this.writer.loadNode(operation.survivor, `${where}.survivor`);
    const duplicate = await this.writer.loadNode(operation.duplicate, `${where}.duplicate`);
    if (survivor.elementId === duplicate.elementId) {
      throw new ChangeRefusedError('merge.same-node', `${where}: '${operation.duplicate}' and '${operation.survivor}' are the same node ('${survivor.key}'); a node cannot be merged into itself: pick the duplicate to merge into it.`);
    }
    if (this.writer.rules.kind === 'fintech' && !duplicate.labels.every((label) => survivor.labels.includes(label))) {
      throw new ChangeRefusedError('merge.labels', `${where}: '${duplicate.key}' is a ${duplicate.labels.join(', ')} and '${survivor.key}' a ${survivor.labels.join(', ')}; only duplicates of the same label are merged.`);
    }
    for (const moving of await this.writer.relationshipsOf(duplicate, where)) {
      const fromDuplicate = moving.from.elementId === duplicate.elementId;
      const toDuplicate = moving.to.elementId === duplicate.elementId;
      const from = fromDuplicate ? survivor : moving.from;
      const to = toDuplicate ? survivor : moving.to;
      // A relationship between the two duplicates would become a loop on the survivor: it goes.
      if (from.elementId === to.elementId && from.elementId === survivor.elementId) {
        await this.writer.deleteRelationship(moving);
        continue;
      }
      const twin = (await this.writer.relationshipsOf(survivor, where)).find((other) => other.type === moving.type && other.from.elementId === from.elementId && other.to.elementId === to.elementId);
      await this.writer.deleteRelationship(moving);
      if (twin) {
        // The survivor already states this fact: the duplicate's evidence joins it.
        await this.writer.replaceRelationship(twin, withEvidence(twin.properties, evidencePairs(moving.properties)));
      } else {
        await this.writer.createRelationship(from, to, moving.type, moving.properties, where);
      }
    }
    const name = typeof survivor.properties.name === 'string' ? survivor.properties.name : null;
    const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : []);
    const aliases = [...new Set([...texts(survivor.properties.aliases), ...texts(duplicate.properties.name), ...texts(duplicate.properties.aliases)])].filter((alias) => alias !== name);
    const formerIds = [...new Set([...texts(survivor.properties.formerIds), duplicate.key, ...texts(duplicate.properties.formerIds)])];
    const merged = withEvidence({ ...duplicate.properties, ...survivor.properties, aliases, formerIds }, evidencePairs(duplicate.properties));
    await this.writer.deleteNode(await this.writer.loadNode(duplicate.elementId, `${where}.duplicate`));
    await this.writer.replaceNode(await this.writer.loadNode(survivor.elementId, `${where}.survivor`), merged);
  }

  async commitArticle(operation: CommitArticleOperation, where: string): Promise<void> {
    const sourceRef = `${where}#source`;
    const source = await this.createSource({ ...operation.source, ref: sourceRef }, `${where}.source`);
    for (const [index, entity] of operation.entities.entries()) {
      const at = `${where}.entities[${index}]`;
      if (entity.existing !== undefined) {
        const node = await this.writer.loadNode(entity.existing, `${at}.existing`);
        this.remember(entity.ref, 'node', node, at);
        continue;
      }
      if (entity.label === undefined || entity.name === undefined) {
        throw new ChangeRefusedError('request.shape', `${at}: a new entity needs a label and a name (or 'existing': the key of the node it is).`);
      }
      await this.createNode({ ref: entity.ref, key: entity.key, label: entity.label, name: entity.name, aliases: entity.aliases, properties: entity.properties }, at);
    }
    for (const [index, relationship] of operation.relationships.entries()) {
      const at = `${where}.relationships[${index}]`;
      const evidence = [{ source: source.key, quote: relationship.quote }];
      if (relationship.existing !== undefined) await this.addEvidence({ relationship: relationship.existing, evidence }, at);
      else await this.createRelationship({ type: relationship.type, from: relationship.from, to: relationship.to, properties: relationship.properties, evidence }, at);
    }
  }
}
