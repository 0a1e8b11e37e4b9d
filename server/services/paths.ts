/** The shortest paths between two nodes, as nodes and relationships. */
import type { PathDirection, PathsResult } from '../contract';
import { BadRequestError, NotFoundError } from '../errors';
import { allowedIdentifier, cypher, integer, joinFragments, toPath, type CypherFragment, type Database } from '../neo4j';
import { getSchema, requireTypes } from './schema-info';

export const MAX_PATHS = 25;

/** The two ends of the variable-length relationship pattern, from the path's first node: out, in, either. */
const ARROWS: Record<PathDirection, { left: CypherFragment; right: CypherFragment }> = {
  out: { left: cypher`-`, right: cypher`->` },
  in: { left: cypher`<-`, right: cypher`-` },
  both: { left: cypher`-`, right: cypher`-` },
};

export async function findPaths(database: Database, query: { from: string; to: string; maxHops: number; types?: string[]; direction?: PathDirection }): Promise<PathsResult> {
  if (query.from === query.to) throw new BadRequestError("Parameters 'from' and 'to' are the same node; pick two different nodes.");
  const schema = query.types ? await requireTypes(database, query.types, 'type in types') : await getSchema(database);
  for (const [name, id] of [['from', query.from], ['to', query.to]] as const) {
    const found = await database.read('nodes/exists', { id });
    if (found.records[0]?.get('found') !== true) throw new NotFoundError(`There is no node with id ${id} (parameter '${name}').`);
  }
  const types = query.types ? cypher`:${joinFragments(query.types.map((type) => allowedIdentifier(type, schema.typeSet)), '|')}` : cypher``;
  const result = await database.readTemplate(
    'paths/shortest',
    { types, ...ARROWS[query.direction ?? 'both'], maxHops: { kind: 'integer', value: query.maxHops, min: 1, max: 10 } },
    { from: query.from, to: query.to, cap: integer(MAX_PATHS + 1) },
  );
  const paths = result.records.map((record) => toPath(record.get('path')));
  return {
    from: query.from,
    to: query.to,
    types: query.types ?? null,
    direction: query.direction ?? 'both',
    paths: paths.slice(0, MAX_PATHS),
    length: paths[0]?.edges.length ?? null,
    truncated: paths.length > MAX_PATHS,
  };
}
