/**
 * The API client: typed with the server's contract; errors carry the problem+json detail. Every
 * request is counted while in flight, so the page can show that it is working.
 */
import type {
  ConsoleRequest,
  ConsoleResult,
  ConsoleSchema,
  Direction,
  GraphView,
  HealthReport,
  NeighborPage,
  NodeDetails,
  PathsResult,
  Problem,
  RelationshipDetails,
  SchemaInfo,
  SearchResult,
  SubgraphRequest,
  SubgraphResult,
} from '../../../server/contract';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's problem+json, when it sent one (with the Neo4j code and position for console queries). */
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type BusyListener = (inFlight: number) => void;
let inFlight = 0;
const busyListeners = new Set<BusyListener>();

/** Calls `listener` with the number of requests in flight whenever it changes. */
export function onBusy(listener: BusyListener): void {
  busyListeners.add(listener);
}

function setInFlight(change: number): void {
  inFlight += change;
  for (const listener of busyListeners) listener(inFlight);
}

interface RequestOptions {
  acceptStatus?: number[];
  signal?: AbortSignal;
  body?: unknown;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  setInFlight(1);
  try {
    let response: Response;
    try {
      response = await fetch(path, {
        method: options.body === undefined ? 'GET' : 'POST',
        headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiRequestError(0, 'The Fingraph server does not answer. Is it running?');
    }
    if (!response.ok && !(options.acceptStatus ?? []).includes(response.status)) {
      const problem = (await response.json().catch(() => null)) as Problem | null;
      throw new ApiRequestError(response.status, problem?.detail ?? `The server answered ${response.status}.`, problem);
    }
    return (await response.json()) as T;
  } finally {
    setInFlight(-1);
  }
}

function query(parameters: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface NeighborQuery {
  type?: string | null;
  direction?: Direction | 'both';
  label?: string;
  limit?: number;
  cursor?: string | null;
}

export const api = {
  health: (): Promise<HealthReport> => request<HealthReport>('/api/health', { acceptStatus: [503] }),
  schema: (): Promise<SchemaInfo> => request<SchemaInfo>('/api/schema'),
  startView: (limit = 40): Promise<GraphView> => request<GraphView>(`/api/graph/start${query({ limit })}`),
  search: (q: string, options: { label?: string; limit?: number; signal?: AbortSignal } = {}): Promise<SearchResult> =>
    request<SearchResult>(`/api/search${query({ q, label: options.label, limit: options.limit ?? 10 })}`, { signal: options.signal }),
  node: (id: string): Promise<NodeDetails> => request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  neighbors: (id: string, options: NeighborQuery = {}): Promise<NeighborPage> =>
    request<NeighborPage>(
      `/api/nodes/${encodeURIComponent(id)}/neighbors${query({ type: options.type, direction: options.direction, label: options.label, limit: options.limit, cursor: options.cursor })}`,
    ),
  relationship: (id: string): Promise<RelationshipDetails> => request<RelationshipDetails>(`/api/relationships/${encodeURIComponent(id)}`),
  paths: (from: string, to: string, options: { maxHops?: number; types?: string[] } = {}): Promise<PathsResult> =>
    request<PathsResult>(`/api/paths${query({ from, to, maxHops: options.maxHops, types: options.types?.join(',') })}`),
  subgraph: (body: SubgraphRequest): Promise<SubgraphResult> => request<SubgraphResult>('/api/graph/subgraph', { body }),
  query: (body: ConsoleRequest, signal?: AbortSignal): Promise<ConsoleResult> => request<ConsoleResult>('/api/query', { body, signal }),
  consoleSchema: (): Promise<ConsoleSchema> => request<ConsoleSchema>('/api/query/schema'),
};
