/**
 * Reverting a change: itself a new change that puts every element the change touched back as it
 * was before it. Refused (409, with what differs) when any of them was changed since: a revert never
 * undoes someone else's later edit.
 */
import type { ChangedElement, ChangeRecord, ElementState } from '../../contract';
import { ChangeConflictError } from '../../errors';
import { fromStoredProperties } from '../../neo4j';
import { stateConflicts } from './states';
import type { ChangeWriter, LoadedNode, LoadedRelationship } from './writer';

interface Current {
  node?: LoadedNode;
  relationship?: LoadedRelationship;
  state: ElementState | null;
}

/** What the database holds now under an element's key (exactly that key: no merge followed). */
async function currentOf(writer: ChangeWriter, element: ChangedElement): Promise<Current> {
  if (element.kind === 'node') {
    const node = (await writer.run('changes/node-by-key', { key: element.key, follow: false })).records[0]?.get('node');
    if (!node) return { state: null };
    const loaded = await writer.withNodeKey(node, element.key);
    return { node: loaded, state: loaded.state };
  }
  const record = (await writer.run('changes/relationship-by-key', { key: element.key })).records[0];
  if (!record) return { state: null };
  const relationship = await writer.withRelationshipKey(record.get('relationship'), record.get('start'), record.get('end'), element.key);
  return { relationship, state: relationship.state };
}

function restoredProperties(state: ElementState, key: string): Record<string, unknown> {
  // Everything Fingraph has touched keeps a stable key, even where the state before had none.
  return { ...fromStoredProperties(state.properties), id: key };
}

async function restore(writer: ChangeWriter, element: ChangedElement, current: Current): Promise<void> {
  const { before } = element;
  if (element.kind === 'node') {
    if (before === null) {
      const node = current.node!;
      const degree = Number((await writer.run('changes/node-degree', { id: node.elementId })).records[0]?.get('degree') ?? 0);
      if (degree > 0) {
        throw new ChangeConflictError(`'${element.key}', which the change created, has ${degree} relationship${degree === 1 ? '' : 's'} made since; revert or delete those first.`, [
          { key: element.key, property: '(relationships)', expected: 0, current: degree },
        ]);
      }
      await writer.deleteNode(node);
    } else if (before.kind === 'node') {
      if (current.node) await writer.replaceNode(current.node, restoredProperties(before, element.key));
      else await writer.createNode(before.labels, restoredProperties(before, element.key), element.key);
    }
    return;
  }
  if (before === null) {
    await writer.deleteRelationship(current.relationship!);
    return;
  }
  if (before.kind !== 'relationship') return;
  const existing = current.relationship;
  if (existing && existing.type === before.type && existing.from.key === before.from && existing.to.key === before.to) {
    await writer.replaceRelationship(existing, restoredProperties(before, element.key));
    return;
  }
  if (existing) await writer.deleteRelationship(existing);
  const from = await writer.loadNode(before.from, `${element.key}.from`);
  const to = await writer.loadNode(before.to, `${element.key}.to`);
  await writer.createRelationship(from, to, before.type, restoredProperties(before, element.key), element.key);
}

/** Applies the revert of `change` through `writer` (in its transaction), or throws ChangeConflictError. */
export async function revertElements(writer: ChangeWriter, change: ChangeRecord): Promise<void> {
  const currents: Current[] = [];
  const conflicts = [];
  for (const element of change.elements) {
    const current = await currentOf(writer, element);
    currents.push(current);
    conflicts.push(...stateConflicts(element.key, element.after, current.state));
  }
  if (conflicts.length > 0) {
    const keys = [...new Set(conflicts.map((conflict) => conflict.key))];
    throw new ChangeConflictError(
      `The change ${change.id} cannot be reverted: ${keys.map((key) => `'${key}'`).join(', ')} ${keys.length === 1 ? 'was' : 'were'} changed since (see conflicts); nothing was written. Revert the later changes first (newest first), or edit by hand.`,
      conflicts,
    );
  }
  for (let index = change.elements.length - 1; index >= 0; index -= 1) {
    const element = change.elements[index]!;
    // Elements restored earlier in this loop may have moved this one's ends: read it again.
    const current = index === change.elements.length - 1 ? currents[index]! : await currentOf(writer, element);
    await restore(writer, element, current);
  }
}
