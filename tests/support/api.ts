/** Small helpers for API tests over real HTTP. */
export async function getJson<T>(url: string): Promise<{ status: number; body: T; type: string }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T, type: response.headers.get('content-type') ?? '' };
}

export async function dropFintechSchema(runStatement: (statement: string) => Promise<unknown>): Promise<void> {
  for (const label of ['company', 'bank', 'product', 'regulator', 'person', 'source']) {
    await runStatement(`DROP CONSTRAINT ${label}_id IF EXISTS`);
  }
  for (const type of ['partners_with', 'competes_with', 'owns', 'subsidiary_of', 'offers', 'distributes', 'set_up_joint_venture', 'licensed_by', 'works_for', 'imitates', 'provides_infrastructure_for', 'reported_on']) {
    await runStatement(`DROP CONSTRAINT ${type}_id IF EXISTS`);
  }
  await runStatement('DROP INDEX entity_names IF EXISTS');
}

export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T; type: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T, type: response.headers.get('content-type') ?? '' };
}
