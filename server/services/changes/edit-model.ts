/** What the explorer's edit forms offer (GET /api/changes/model), from the rules a change is checked against. */
import type { EditModel } from '../../contract';
import { integer, type Database } from '../../neo4j';
import { SOURCE_LABEL } from '../../seed';
import { evidenceRequired, loadChangeModel, type ChangeModel } from './model';

/** How many sources the connect form lists. */
const SOURCES_LISTED = 500;

/** The labels and types of the rules, pure. */
export function editRules(rules: ChangeModel): Omit<EditModel, 'sources'> {
  if (rules.kind === 'free') return { kind: 'free', labels: [], relationshipTypes: [], evidenceRequired: evidenceRequired(rules) };
  const { model } = rules;
  return {
    kind: 'fintech',
    labels: Object.entries(model.labels)
      .filter(([name]) => name !== SOURCE_LABEL)
      .map(([name, meaning]) => ({ name, meaning })),
    relationshipTypes: Object.entries(model.relationshipTypes).map(([type, rule]) => ({ type, meaning: rule.meaning, from: rule.from, to: rule.to, symmetric: rule.symmetric })),
    evidenceRequired: evidenceRequired(rules),
  };
}

export async function editModel(database: Database): Promise<EditModel> {
  const rules = editRules(await loadChangeModel(database));
  const sources = (await database.read('changes/sources', { limit: integer(SOURCES_LISTED) })).records.map((record) => ({ key: record.get('key'), title: record.get('title'), publisher: record.get('publisher') }));
  return { ...rules, sources };
}
