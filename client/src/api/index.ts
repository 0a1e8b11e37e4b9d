/** The API client: typed with the server's contract; errors carry the problem+json detail. */
import type { GraphView, HealthReport, Problem } from '../../../server/contract';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function getJson<T>(path: string, options: { acceptStatus?: number[] } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, 'The Fingraph server does not answer. Is it running?');
  }
  if (!response.ok && !(options.acceptStatus ?? []).includes(response.status)) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiRequestError(response.status, problem?.detail ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

export const api = {
  health: (): Promise<HealthReport> => getJson<HealthReport>('/api/health', { acceptStatus: [503] }),
  startView: (limit = 60): Promise<GraphView> => getJson<GraphView>(`/api/graph/start?limit=${limit}`),
};
