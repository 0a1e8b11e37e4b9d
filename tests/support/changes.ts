/** Helpers for the change API's tests: sending changes, and a fingerprint of the graph that ignores elementIds. */
import crypto from 'node:crypto';
import type { ChangeRequest, ChangeResult, Problem } from '../../server/contract';
import type { Database } from '../../server/neo4j';

export async function send<T = ChangeResult>(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; body: T & Problem }> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T & Problem };
}

export function change(operations: ChangeRequest['operations'], extra: Partial<ChangeRequest> = {}): ChangeRequest {
  return { comment: 'a test change', operations, ...extra };
}

/**
 * The graph's content without elementIds (a revert recreates deleted elements under new ones):
 * each node's labels and properties, each relationship's type, ends (by id) and properties; the
 * history's own records left out.
 */
export async function content(database: Database): Promise<string> {
  const result = await database.runStatement(
    `MATCH (n) WHERE NOT n:_FingraphChange
     WITH n ORDER BY n.id RETURN 'n' AS kind, labels(n) AS labels, properties(n) AS props, null AS ends
     UNION ALL
     MATCH (a)-[r]->(b) RETURN 'r' AS kind, [type(r)] AS labels, properties(r) AS props, [a.id, b.id] AS ends`,
  );
  const rows = result.records.map((record) => {
    const props = record.get('props') as Record<string, unknown>;
    return JSON.stringify([record.get('kind'), record.get('labels'), record.get('ends'), Object.keys(props).sort().map((key) => [key, String(props[key])])]);
  });
  return crypto.createHash('sha256').update(rows.sort().join('\n')).digest('hex');
}

export async function changeCount(database: Database): Promise<number> {
  const result = await database.runStatement('MATCH (c:_FingraphChange) RETURN count(c) AS count');
  return Number(result.records[0]?.get('count'));
}
