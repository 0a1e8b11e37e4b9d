/**
 * Issue 14, part 5: an unknown label or type made the server read the whole schema again (about 20
 * queries) on every request; 100 clients sending unknown labels slowed everyone down. Now the schema
 * is read again at most once per MISS_REFRESH_MS, and the cached one answers meanwhile.
 */
import type { Problem } from '../../server/contract';
import { MISS_REFRESH_MS } from '../../server/services/schema-info';
import { getJson } from '../support/api';
import { useSeededApp } from '../support/http';

const seeded = useSeededApp();

function countDiscoveries(): { count: () => number; restore: () => void } {
  let count = 0;
  const read = seeded.database.read.bind(seeded.database);
  const spy = jest.spyOn(seeded.database, 'read').mockImplementation((name, parameters) => {
    if (name === 'schema-info/labels-and-types') count += 1;
    return read(name, parameters);
  });
  return { count: () => count, restore: () => spy.mockRestore() };
}

test('100 requests with unknown labels and types read the schema again at most once, and each is answered 400 naming the labels', async () => {
  await getJson(`${seeded.app.url}/api/schema`);
  const node = (await getJson<{ hits: Array<{ node: { id: string } }> }>(`${seeded.app.url}/api/search?q=Tencent`)).body.hits[0]!.node.id;
  await new Promise((resolve) => setTimeout(resolve, MISS_REFRESH_MS + 100));
  const discoveries = countDiscoveries();
  try {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0 ? getJson<Problem>(`${seeded.app.url}/api/search?q=x&label=Unknown${i}`) : getJson<Problem>(`${seeded.app.url}/api/nodes/${encodeURIComponent(node)}/neighbors?type=UNKNOWN_${i}`),
      ),
    );
    expect(answers.every((answer) => answer.status === 400)).toBe(true);
    expect(answers[0]?.body.detail).toContain('Its labels are Company, Bank');
    expect(discoveries.count()).toBeLessThanOrEqual(1);
  } finally {
    discoveries.restore();
  }
});

test('a label created while the server runs is known after the interval: a miss still reads the schema again', async () => {
  await seeded.database.runStatement("CREATE (:Newcomer {name: 'fresh'})");
  try {
    await new Promise((resolve) => setTimeout(resolve, MISS_REFRESH_MS + 100));
    const found = await getJson<{ hits: unknown[] }>(`${seeded.app.url}/api/search?q=fresh&label=Newcomer`);
    expect(found.status).toBe(200);
    expect(found.body.hits).toHaveLength(1);
  } finally {
    await seeded.database.runStatement('MATCH (n:Newcomer) DELETE n');
  }
});
