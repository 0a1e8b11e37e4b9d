/**
 * Checks dataset files against the format and the model, and turns them into what the writer
 * needs. Pure: the caller reads the files and looks up, in the database, the ids a file refers to
 * without defining them. Every problem names the file, the entry and the field.
 */
import type { ZodError } from 'zod';
import { datasetFile, SOURCE_LABEL, type DatasetFile, type Model, type PropertyValue } from './format';

export interface DatasetInput {
  /** The file's name, for messages. */
  file: string;
  /** Its parsed YAML/JSON content. */
  content: unknown;
}

export interface ParsedFile {
  file: string;
  data: DatasetFile;
}

/** A quote and the source article it comes from: stored as the paired lists `sourceIds` and `quotes`. */
export interface Evidence {
  source: string;
  quote: string;
}

export interface NodeToWrite {
  id: string;
  label: string;
  /** The properties the file gives (a merge sets these and keeps the others). */
  properties: Record<string, PropertyValue>;
  /** What a node that did not exist gets unless the file gives it (aliases: []). */
  defaults: Record<string, PropertyValue>;
  /** Properties the file removes explicitly (`unset`). */
  unset: string[];
  /** Quotes with their sources, added to the node's (deduplicated). */
  evidence: Evidence[];
}

export interface RelationshipToWrite {
  id: string;
  type: string;
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  properties: Record<string, PropertyValue>;
  unset: string[];
  evidence: Evidence[];
  /** "file: relationships[i] (from -TYPE-> to)", for messages. */
  where: string;
}

/** Each (source, quote) pair once, in first-seen order. Pure. */
export function uniqueEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter(({ source, quote }) => {
    const key = JSON.stringify([source, quote]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Dataset {
  nodes: NodeToWrite[];
  relationships: RelationshipToWrite[];
  /** The labels and relationship types of the model it was checked against: the writer's allow-list. */
  model: { labels: ReadonlySet<string>; types: ReadonlySet<string> };
}

/** A dataset that cannot be loaded; `problems` lists each, "file: entry: field: what is wrong". */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(readonly problems: string[]) {
    super(
      `The data was not loaded (nothing was written): ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

const MAX_PROBLEMS_SHOWN = 50;

function describeZodIssues(file: string, content: unknown, error: ZodError): string[] {
  return error.issues.map((issue) => {
    const [section, index, ...field] = issue.path;
    let entry = section === undefined ? '(top level)' : String(section);
    if (typeof index === 'number') {
      const item = (content as Record<string, unknown[]>)[String(section)]?.[index] as Record<string, unknown> | undefined;
      const name = item && typeof item === 'object' ? (item.id ?? (item.from && item.to ? `${String(item.from)} -${String(item.type)}-> ${String(item.to)}` : undefined)) : undefined;
      entry = `${String(section)}[${index}]${name !== undefined ? ` (${String(name)})` : ''}`;
    }
    const where = field.length > 0 ? `field '${field.join('.')}'` : typeof index === 'number' ? 'entry' : 'file';
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}: check the spelling (see seed/README.md)` : issue.message;
    return `${file}: ${entry}: ${where}: ${message}`;
  });
}

/** Checks each file against the format. Throws DatasetError naming every problem. */
export function parseDatasetFiles(inputs: DatasetInput[]): ParsedFile[] {
  const problems: string[] = [];
  const parsed: ParsedFile[] = [];
  for (const { file, content } of inputs) {
    if (content === null || typeof content !== 'object' || Array.isArray(content)) {
      problems.push(`${file}: (top level): file: must be a mapping with the sections sources, nodes and relationships`);
      continue;
    }
    const result = datasetFile.safeParse(content);
    if (result.success) parsed.push({ file, data: result.data });
    else problems.push(...describeZodIssues(file, content, result.error));
  }
  if (problems.length > 0) throw new DatasetError(problems.slice(0, MAX_PROBLEMS_SHOWN));
  return parsed;
}

/**
 * Every node id the files define or refer to (edge ends, evidence sources): the ids to look up in
 * the database before an import.
 */
export function mentionedIds(files: ParsedFile[]): string[] {
  const ids = files.flatMap(({ data }) => [
    ...data.sources.map((s) => s.id),
    ...data.nodes.flatMap((n) => [n.id, ...n.evidence.map((e) => e.source)]),
    ...data.relationships.flatMap((r) => [r.from, r.to, ...r.evidence.map((e) => e.source)]),
  ]);
  return [...new Set(ids)].sort();
}

function relationshipTypeSlug(type: string): string {
  return type.toLowerCase().replace(/_/g, '-');
}

/**
 * Checks the files together against the model (labels, types, the labels each type connects),
 * ids (unique, every reference resolved in the files or in `existing`, the database's nodes by id
 * and label; an entry whose id is in the database updates that node and must keep its label), and
 * builds the dataset to write. Throws DatasetError naming every problem.
 */
export function buildDataset(files: ParsedFile[], model: Model, existing: ReadonlyMap<string, string> = new Map()): Dataset {
  const problems: string[] = [];
  const labels = new Map<string, { label: string; where: string }>();
  const nodes: NodeToWrite[] = [];
  const allowedLabels = Object.keys(model.labels);

  const define = (id: string, label: string, where: string): boolean => {
    const earlier = labels.get(id);
    if (earlier) {
      problems.push(`${where}: field 'id': duplicate id '${id}', already used by ${earlier.where}: give each entry its own id`);
      return false;
    }
    const stored = existing.get(id);
    if (stored !== undefined && stored !== label) {
      problems.push(`${where}: field 'id': the database already has '${id}' as a ${stored}; an entry with that id must be a ${stored} too (it updates that node), or use another id`);
      return false;
    }
    labels.set(id, { label, where });
    return true;
  };

  for (const { file, data } of files) {
    data.sources.forEach((source, index) => {
      if (!define(source.id, SOURCE_LABEL, `${file}: sources[${index}] (${source.id})`)) return;
      const { id, title, ...rest } = source;
      nodes.push({ id, label: SOURCE_LABEL, properties: { id, name: title, title, ...rest }, defaults: {}, unset: [], evidence: [] });
    });
    data.nodes.forEach((node, index) => {
      const where = `${file}: nodes[${index}] (${node.id})`;
      if (!allowedLabels.includes(node.label) || node.label === SOURCE_LABEL) {
        problems.push(`${where}: field 'label': unknown label '${node.label}'; use one of ${allowedLabels.filter((l) => l !== SOURCE_LABEL).join(', ')} (or add it to seed/model.yaml)`);
        return;
      }
      if (!define(node.id, node.label, where)) return;
      nodes.push({
        id: node.id,
        label: node.label,
        properties: { ...node.properties, id: node.id, name: node.name, ...(node.aliases ? { aliases: node.aliases } : {}), description: node.description },
        defaults: { aliases: [] },
        unset: node.unset,
        evidence: uniqueEvidence(node.evidence),
      });
    });
  }

  const labelOf = (id: string): string | undefined => labels.get(id)?.label ?? existing.get(id);
  const relationshipIds = new Map<string, string>();
  const relationships: RelationshipToWrite[] = [];
  const checkEvidence = (where: string, evidence: { source: string }[]): void => {
    evidence.forEach(({ source }, index) => {
      const label = labelOf(source);
      if (label === undefined) problems.push(`${where}: field 'evidence.${index}.source': unknown source '${source}': define it under sources`);
      else if (label !== SOURCE_LABEL) problems.push(`${where}: field 'evidence.${index}.source': '${source}' is a ${label}, not a source article`);
    });
  };

  for (const { file, data } of files) {
    data.nodes.forEach((node, index) => checkEvidence(`${file}: nodes[${index}] (${node.id})`, node.evidence));
    data.relationships.forEach((relationship, index) => {
      const { type, from, to } = relationship;
      const where = `${file}: relationships[${index}] (${from} -${type}-> ${to})`;
      const rule = model.relationshipTypes[type];
      if (!rule) {
        problems.push(`${where}: field 'type': unknown relationship type '${type}'; use one of ${Object.keys(model.relationshipTypes).join(', ')} (or add it to seed/model.yaml)`);
        return;
      }
      const fromLabel = labelOf(from);
      const toLabel = labelOf(to);
      if (fromLabel === undefined) problems.push(`${where}: field 'from': unknown id '${from}': no node in the files or the database has it`);
      if (toLabel === undefined) problems.push(`${where}: field 'to': unknown id '${to}': no node in the files or the database has it`);
      if (fromLabel !== undefined && !rule.from.includes(fromLabel)) {
        problems.push(`${where}: field 'from': '${from}' is a ${fromLabel}, but ${type} starts at ${rule.from.join(' or ')}`);
      }
      if (toLabel !== undefined && !rule.to.includes(toLabel)) {
        problems.push(`${where}: field 'to': '${to}' is a ${toLabel}, but ${type} ends at ${rule.to.join(' or ')}`);
      }
      checkEvidence(where, relationship.evidence);
      const id = relationship.id ?? `${from}-${relationshipTypeSlug(type)}-${to}`;
      const earlier = relationshipIds.get(id);
      if (earlier) {
        problems.push(`${where}: field 'id': duplicate relationship id '${id}', already used by ${earlier}: merge the two entries or give one an explicit id`);
        return;
      }
      relationshipIds.set(id, where);
      if (fromLabel === undefined || toLabel === undefined) return;
      relationships.push({
        id,
        type,
        from,
        fromLabel,
        to,
        toLabel,
        properties: { ...relationship.properties, id },
        unset: relationship.unset,
        evidence: uniqueEvidence(relationship.evidence),
        where,
      });
    });
  }

  if (problems.length > 0) throw new DatasetError(problems.slice(0, MAX_PROBLEMS_SHOWN));
  return { nodes, relationships, model: { labels: new Set(allowedLabels), types: new Set(Object.keys(model.relationshipTypes)) } };
}
