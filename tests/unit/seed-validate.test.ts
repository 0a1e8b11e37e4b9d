import { buildDataset, DatasetError, loadModel, loadSeedDataset, parseDatasetFiles } from '../../server/seed';

const model = loadModel();

test('the default dataset is valid: every node has a name and description, every edge its evidence', () => {
  const dataset = loadSeedDataset();
  expect(dataset.nodes).toHaveLength(30);
  expect(dataset.relationships).toHaveLength(32);
  for (const node of dataset.nodes) {
    expect(typeof node.properties.name).toBe('string');
  }
  for (const relationship of dataset.relationships) {
    expect(relationship.evidence.length).toBeGreaterThan(0);
  }
});

test('relationship ids are derived from their ends and type, so that loading again finds them', () => {
  const dataset = loadSeedDataset();
  expect(dataset.relationships.map((r) => r.id)).toContain('tencent-partners-with-huaxia-bank');
});

test('a file that is not a mapping is rejected', () => {
  expect(() => parseDatasetFiles([{ file: 'list.yaml', content: [1, 2] }])).toThrow("list.yaml: (top level): file: must be a mapping");
});

test('every problem in a file is listed, not only the first', () => {
  try {
    parseDatasetFiles([{ file: 'two.yaml', content: { nodes: [{ id: 'A' }, { id: 'b', label: 'Bank' }] } }]);
    throw new Error('expected a DatasetError');
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    const problems = (error as DatasetError).problems;
    expect(problems.some((p) => p.startsWith("two.yaml: nodes[0] (A): field 'id'"))).toBe(true);
    expect(problems.some((p) => p.startsWith("two.yaml: nodes[1] (b): field 'name'"))).toBe(true);
    expect((error as Error).message).toContain('nothing was written');
  }
});

test('a property that the loader writes itself may not be set under properties', () => {
  expect(() => parseDatasetFiles([{ file: 'p.yaml', content: { nodes: [{ id: 'x', label: 'Bank', name: 'X', description: 'd', properties: { quotes: ['q'] } }] } }])).toThrow(
    "field 'properties': must not set id, name",
  );
});

test('a quote longer than a short passage is refused: evidence is a sentence, never the article', () => {
  const quote = 'word '.repeat(200);
  expect(() =>
    parseDatasetFiles([{ file: 'q.yaml', content: { relationships: [{ type: 'OWNS', from: 'a', to: 'b', evidence: [{ source: 's', quote }] }] } }]),
  ).toThrow('must be a short quote');
});

test('a relationship may refer to nodes that the database already has, when their labels are known', () => {
  const files = parseDatasetFiles([
    { file: 'edge.yaml', content: { relationships: [{ type: 'OWNS', from: 'tencent', to: 'webank', evidence: [{ source: 'decrypt-xiaomi-blockchain', quote: 'a quote here' }] }] } },
  ]);
  const existing = new Map([
    ['tencent', 'Company'],
    ['webank', 'Bank'],
    ['decrypt-xiaomi-blockchain', 'Source'],
  ]);
  expect(buildDataset(files, model, existing).relationships[0]).toMatchObject({ fromLabel: 'Company', toLabel: 'Bank' });
  expect(() => buildDataset(files, model)).toThrow("unknown id 'tencent'");
});

test("a source's web address and publication date are kept, and a bad one is refused with the form it must take", () => {
  const source = { id: 'web-article', title: 'An article', publisher: 'A paper', timeFrame: '2017', url: 'https://example.com/news/1', published: '2017-06-22' };
  const dataset = buildDataset(parseDatasetFiles([{ file: 's.yaml', content: { sources: [source] } }]), model);
  expect(dataset.nodes[0]?.properties).toMatchObject({ url: 'https://example.com/news/1', published: '2017-06-22' });
  expect(() => parseDatasetFiles([{ file: 's.yaml', content: { sources: [{ ...source, url: 'javascript:alert(1)' }] } }])).toThrow(
    "s.yaml: sources[0] (web-article): field 'url': must be the web address of the article, starting with https:// or http://",
  );
  expect(() => parseDatasetFiles([{ file: 's.yaml', content: { sources: [{ ...source, published: '22/06/2017' }] } }])).toThrow(
    "field 'published': must be the date the article was published as YYYY-MM-DD",
  );
});
