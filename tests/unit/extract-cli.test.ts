/**
 * `npm run extract` as a user runs it, on made-up articles: its output is a file of the seed's import
 * format that the seed validator takes (against the default dataset's ids, as `npm run import` on a
 * seeded database would), and bad input exits 1 saying what was wrong.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset, loadModel, loadSeedDataset, parseDatasetFiles, readDataFile } from '../../server/seed';
import { cliArgs } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-extract-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function extract(file: string, content: string | Buffer, ...args: string[]) {
  const article = path.join(dir, file);
  fs.writeFileSync(article, content);
  return spawnSync(process.execPath, cliArgs('extract.ts', article, ...args), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

const SOURCE = ['--title', 'Orbix and Zenbank', '--publisher', 'Test Wire', '--url', 'https://example.com/orbix', '--date', '2024-05-01'];

test('the candidates of a .txt article are an import file the seed validator takes', () => {
  const result = extract('orbix.txt', 'Orbix Holdings signed a strategic cooperation agreement with Zenbank on Monday. Tencent ties up with Huaxia Bank. Orbix Holdings launched Orbix Pay, a mobile payment app.\n', ...SOURCE);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const output = path.join(dir, 'candidates.yaml');
  fs.writeFileSync(output, result.stdout);
  const existing = new Map(loadSeedDataset().nodes.map((node) => [node.id, node.label]));
  const dataset = buildDataset(parseDatasetFiles([readDataFile(output)]), loadModel(), existing);
  expect(dataset.nodes.map((node) => node.id).sort()).toEqual(['orbix-and-zenbank', 'orbix-holdings', 'orbix-pay', 'zenbank']);
  expect(dataset.relationships.map((relationship) => `${relationship.from} ${relationship.type} ${relationship.to}`).sort()).toEqual([
    'orbix-holdings OFFERS orbix-pay',
    'orbix-holdings PARTNERS_WITH zenbank',
    'tencent PARTNERS_WITH huaxia-bank',
  ]);
  expect(result.stdout).toContain('already in the graph: the quote is added as evidence');
});

test('an .html article is reduced to its text first; its scripts never reach the file', () => {
  const result = extract('page.html', '<html><script>alert("Evil Corp partnered with Zenbank")</script><body><p onclick="x()">Zorvex Group launched Zorvex Pay, a payment app.</p></body></html>', ...SOURCE);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('zorvex-pay');
  expect(result.stdout).not.toMatch(/Evil|alert|onclick/);
});

test.each([
  ['a missing --title', 'a.txt', 'Zenbank grew.', ['--publisher', 'Test Wire'], /--title is required/],
  ['a binary file', 'b.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), SOURCE, /NUL bytes/],
  ['a .pdf file', 'c.pdf', 'x', SOURCE, /must be a \.txt, \.md or \.html file/],
  ['an empty file', 'd.md', '  \n', SOURCE, /empty/],
  ['a date that is not YYYY-MM-DD', 'e.txt', 'Zenbank grew.', ['--title', 'T', '--publisher', 'P', '--date', 'June 2024'], /--date must be a date as YYYY-MM-DD/],
])('%s exits 1 saying what was wrong', (_what, file, content, args, message) => {
  const result = extract(file, content, ...args);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).toBe('');
});
