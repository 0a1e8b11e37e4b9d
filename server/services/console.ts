/**
 * The Cypher console: a user's query, checked (services/console-guard.ts), run read-only with the
 * configured limits, and its rows as plain JSON with the graph found in them.
 */
import type { ConsoleLimits } from '../config';
import type { ConsoleResult, PlainValue } from '../contract';
import { ForbiddenQueryError } from '../errors';
import { collectGraph, toPlain, type Database } from '../neo4j';
import { checkPlan, checkText, RefusedQueryError, type PlanOperator } from './console-guard';

function refusing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RefusedQueryError) throw new ForbiddenQueryError(error.message);
    throw error;
  }
}

export async function runConsoleQuery(database: Database, query: string, params: Record<string, unknown>, limits: ConsoleLimits): Promise<ConsoleResult> {
  const statement = refusing(() => checkText(query));
  const run = await database.consoleRead(statement, params, {
    timeoutMs: limits.timeoutMs,
    maxRows: limits.maxRows,
    check: (queryType, plan) => refusing(() => checkPlan(queryType, plan as PlanOperator | undefined)),
  });
  const values = run.records.map((record) => run.keys.map((key) => record.get(key) as unknown));
  const graph = collectGraph(values.flat(), limits.maxElements);
  return {
    columns: run.keys,
    rows: values.map((row) => row.map((value) => toPlain(value) as PlainValue)),
    graph: { nodes: graph.nodes, edges: graph.edges },
    rowCount: run.records.length,
    truncated: { rows: run.truncated, graph: graph.truncated },
    limits,
    elapsedMs: run.elapsedMs,
  };
}
