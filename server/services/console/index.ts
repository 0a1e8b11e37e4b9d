/**
 * The Cypher console: a user's query, checked (guard.ts, bounds.ts), run read-only with the
 * configured limits (execute.ts), and its rows with each value's type beside it, with the graph
 * found in them.
 */
import type { ConsoleLimits } from '../../config';
import type { ConsoleResult, ConsoleSchema, GraphEdge, GraphNode } from '../../contract';
import { ForbiddenQueryError } from '../../errors';
import { collectGraph, toConsoleValue, toNodes, type Database } from '../../neo4j';
import { executeConsoleQuery } from './execute';
import { ALLOWED_PROCEDURES, checkPlan, checkText, RefusedQueryError, type PlanOperator } from './guard';
import { getSchema } from '../schema-info';

function refusing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RefusedQueryError) throw new ForbiddenQueryError(error.message);
    throw error;
  }
}

/** Relationships returned without their nodes get them (within the element cap), so that the graph can be drawn. */
async function addEndpoints(database: Database, graph: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }, maxElements: number): Promise<void> {
  const present = new Set(graph.nodes.map((node) => node.id));
  const missing = [...new Set(graph.edges.flatMap((edge) => [edge.source, edge.target]))].filter((id) => !present.has(id));
  if (missing.length === 0) return;
  const room = maxElements - graph.nodes.length - graph.edges.length;
  if (room < missing.length) graph.truncated = true;
  if (room <= 0) return;
  const result = await database.read('console/endpoints', { ids: missing.slice(0, room) });
  graph.nodes.push(...toNodes(result.records[0]?.get('nodes')));
}

export interface ConsoleRun {
  /** The request's id (in the transaction's metadata). */
  request: string;
  /** The client's address (request.ip; in the transaction's metadata, for the console watchdog). */
  client: string;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

export async function runConsoleQuery(database: Database, query: string, params: Record<string, unknown>, limits: ConsoleLimits, run: ConsoleRun): Promise<ConsoleResult> {
  const statement = refusing(() => checkText(query, params));
  const result = await executeConsoleQuery(database, statement, params, {
    timeoutMs: limits.timeoutMs,
    maxRows: limits.maxRows,
    check: (queryType, plan) => refusing(() => checkPlan(queryType, plan as PlanOperator | undefined)),
    metadata: { app: 'fingraph-console', request: run.request, client: run.client },
    signal: run.signal,
  });
  const values = result.records.map((record) => result.keys.map((key) => record.get(key) as unknown));
  const graph = collectGraph(values.flat(), limits.maxElements);
  await addEndpoints(database, graph, limits.maxElements);
  return {
    columns: result.keys,
    rows: values.map((row) => row.map(toConsoleValue)),
    graph: { nodes: graph.nodes, edges: graph.edges },
    rowCount: result.records.length,
    truncated: { rows: result.truncated, graph: graph.truncated },
    limits,
    elapsedMs: result.elapsedMs,
  };
}

/** Names the console's editor completes: labels and types (as the explorer discovers them), property keys, functions, allowed procedures. */
export async function getConsoleSchema(database: Database): Promise<ConsoleSchema> {
  const [schema, keys, functions, procedures] = await Promise.all([
    getSchema(database),
    database.read('console/property-keys'),
    database.read('console/functions'),
    database.read('console/procedures', { names: [...ALLOWED_PROCEDURES] }),
  ]);
  return {
    labels: schema.labels.map((label) => label.name),
    relationshipTypes: schema.relationshipTypes.map((type) => type.name),
    propertyKeys: (keys.records[0]?.get('keys') ?? []).slice().sort(),
    functions: functions.records.map((record) => ({ name: record.get('name'), signature: record.get('signature') })),
    procedures: procedures.records.map((record) => ({
      name: record.get('name'),
      signature: record.get('signature'),
      returnItems: record.get('returnItems').map((item) => ({ name: item.name, signature: item.type })),
    })),
  };
}
