/**
 * The API client: typed with the server's contract; errors carry the problem+json detail. Every
 * request is counted while in flight, so the page can show that it is working.
 */
import type {
  ChangeRecord,
  ChangeRequest,
  ChangeResult,
  EditModel,
  ElementHistory,
  ExtractRequest,
  ExtractResult,
  KeyResolution,
  ConsoleRequest,
  ConsoleResult,
  ConsoleSchema,
  Direction,
  GraphView,
  HealthReport,
  NeighborPage,
  NodeDetails,
  PathDirection,
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
    /** The server's Retry-After, in ms (0 when it gave none). */
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type BusyListener = (inFlight: number) => void;
type OutageListener = (error: ApiRequestError) => void;
const outageListeners = new Set<OutageListener>();

/** Calls `listener` when a request fails because Neo4j or the server is not reachable (503, or no answer). */
export function onOutage(listener: OutageListener): void {
  outageListeners.add(listener);
}

/** A failure a retry may get past: Neo4j or the server down, or Neo4j busy. */
function isRetryable(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && (error.status === 503 || error.status === 0);
}

/** Neo4j or the server down (not merely busy with other requests). */
export function isOutage(error: unknown): error is ApiRequestError {
  return isRetryable(error) && error.problem?.code !== 'Busy';
}

/** Reads with these statuses are tried again a couple of times (a restart or a blip), honouring Retry-After. */
const RETRIES = [500, 1500];
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

/** Shows `work` (a request made earlier, now waited for) as loading until it settles. */
export function whileLoading<T>(work: Promise<T>): Promise<T> {
  setInFlight(1);
  return work.finally(() => setInFlight(-1));
}

interface RequestOptions {
  acceptStatus?: number[];
  signal?: AbortSignal;
  body?: unknown;
  /**
   * Read ahead of the user's asking (a page they may ask for next): not shown as loading, not
   * retried, and its failure is not reported (the real request, if one follows, is).
   */
  speculative?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (options.speculative) return send<T>(path, options);
  setInFlight(1);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send<T>(path, options);
      } catch (error) {
        // Only reads are retried (a console query or a write-like POST is the user's to run again).
        const retry = options.body === undefined && isRetryable(error) && attempt < RETRIES.length && !options.signal?.aborted;
        if (!retry) {
          if (isOutage(error)) for (const listener of outageListeners) listener(error);
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(RETRIES[attempt]!, error.retryAfterMs)));
      }
    }
  } finally {
    setInFlight(-1);
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
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
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiRequestError(response.status, problem?.detail ?? `The server answered ${response.status}.`, problem, Number.isFinite(retryAfter) ? retryAfter * 1000 : 0);
  }
  return (await response.json()) as T;
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
  signal?: AbortSignal;
  speculative?: boolean;
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
      { signal: options.signal, speculative: options.speculative },
    ),
  relationship: (id: string): Promise<RelationshipDetails> => request<RelationshipDetails>(`/api/relationships/${encodeURIComponent(id)}`),
  paths: (from: string, to: string, options: { maxHops?: number; types?: string[]; direction?: PathDirection } = {}): Promise<PathsResult> =>
    request<PathsResult>(`/api/paths${query({ from, to, maxHops: options.maxHops, types: options.types?.join(','), direction: options.direction })}`),
  subgraph: (body: SubgraphRequest): Promise<SubgraphResult> => request<SubgraphResult>('/api/graph/subgraph', { body }),
  query: (body: ConsoleRequest, signal?: AbortSignal): Promise<ConsoleResult> => request<ConsoleResult>('/api/query', { body, signal }),
  consoleSchema: (): Promise<ConsoleSchema> => request<ConsoleSchema>('/api/query/schema'),
  /** One change (operations in one transaction); a refusal is an ApiRequestError whose problem has `rule`, `conflicts` (409) or `goesWith`. */
  change: (body: ChangeRequest): Promise<ChangeResult> => request<ChangeResult>('/api/changes', { body }),
  changeRecord: (id: string): Promise<ChangeRecord> => request<ChangeRecord>(`/api/changes/${encodeURIComponent(id)}`),
  revert: (id: string, body: { comment?: string } = {}): Promise<ChangeResult> => request<ChangeResult>(`/api/changes/${encodeURIComponent(id)}/revert`, { body }),
  /** What a stable key names now (a merged-away key: its survivor). */
  resolveKey: (key: string): Promise<KeyResolution> => request<KeyResolution>(`/api/keys/${encodeURIComponent(key)}`),
  /** What the edit forms offer: the model's labels and types (or free names), evidence, the sources to cite. */
  editModel: (): Promise<EditModel> => request<EditModel>('/api/changes/model'),
  /** Candidate entities and relationships of an article (writes nothing); 400 for a bad article, 413 for a long one. */
  extract: (body: ExtractRequest): Promise<ExtractResult> => request<ExtractResult>('/api/extract', { body }),
  history: (key: string): Promise<ElementHistory> => request<ElementHistory>(`/api/keys/${encodeURIComponent(key)}/history`),
};
