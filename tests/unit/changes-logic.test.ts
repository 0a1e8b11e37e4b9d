/** Issue 16, the change API's pure parts: request checks, quotes found in articles, state diffs, typed history values, who may write. */
import type { Request } from 'express';
import type { ElementState } from '../../server/contract';
import { ChangeRefusedError } from '../../server/errors';
import { writeRefusal } from '../../server/http/write-access';
import { fromStoredValue, storedToPlain, toStoredValue } from '../../server/neo4j';
import { normaliseForQuote, quoteInText } from '../../server/services/changes/model';
import { changeAuthor, parseChangeRequest, slugify } from '../../server/services/changes/request';
import { ElementRecorder, stateConflicts } from '../../server/services/changes/states';

function refusal(body: unknown): ChangeRefusedError {
  try {
    parseChangeRequest(body);
  } catch (error) {
    if (error instanceof ChangeRefusedError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('a change request', () => {
  test('names that carry Cypher are refused as names, whatever the field', () => {
    for (const label of ['Company`) DETACH DELETE n //', 'Bank:Company', 'Two words', '1Company', '', 'a-b']) {
      expect(refusal({ comment: 'c', operations: [{ op: 'createNode', label, name: 'x' }] }).extensions.rule).toBe('names.identifier');
    }
    expect(refusal({ comment: 'c', operations: [{ op: 'editNode', node: 'a', set: { 'a`b': 1 }, expected: {} }] }).message).toContain("'a`b': must be a property name");
  });

  test('a bad field is named with its path, and an unknown one is named too', () => {
    expect(refusal({ comment: 'c', operations: [{ op: 'createNode', label: 'Bank', name: 'x', colour: 'red' }] }).message).toContain("operations[0]: unknown field 'colour'");
    expect(refusal({ comment: 'c', operations: [] }).message).toContain('operations: must list at least one operation');
    expect(refusal({ comment: '   ', operations: [{ op: 'deleteNode', node: 'a' }] }).message).toContain('comment: must not be empty');
  });

  test('the author is the body\'s, else the header\'s, else "local"', () => {
    expect(changeAuthor('Ada', 'Bob')).toBe('Ada');
    expect(changeAuthor(undefined, ' Bob ')).toBe('Bob');
    expect(changeAuthor(undefined, undefined)).toBe('local');
    expect(() => changeAuthor(undefined, 'x'.repeat(101))).toThrow(ChangeRefusedError);
  });

  test('keys come from names as the seed writes them', () => {
    expect(slugify('China Construction Bank Corp')).toBe('china-construction-bank-corp');
    expect(slugify('JD.com, Inc.')).toBe('jd-com-inc');
    expect(slugify('Société Générale')).toBe('societe-generale');
    expect(slugify('腾讯')).toBe('entity');
  });
});

describe('a quote found in its article', () => {
  const article = 'Tencent signed a “strategic cooperation agreement” with\n  China Construction Bank — the bank’s first.';
  test('spacing, case, curly quotes and dashes do not matter', () => {
    expect(quoteInText('tencent signed a "strategic cooperation agreement" with China Construction Bank - the bank\'s first.', article)).toBe(true);
  });
  test('other words do', () => {
    expect(quoteInText('Tencent bought China Construction Bank', article)).toBe(false);
    expect(quoteInText('   ', article)).toBe(false);
  });
  test('normalising is idempotent', () => {
    expect(normaliseForQuote(normaliseForQuote(article))).toBe(normaliseForQuote(article));
  });
});

describe('states and conflicts', () => {
  const node = (properties: ElementState['properties']): ElementState => ({ kind: 'node', labels: ['Bank'], properties });
  test('each property that differs is a conflict, with the values as plain JSON', () => {
    expect(stateConflicts('icbc', node({ country: 'A', size: { $int: '3' } }), node({ country: 'B', size: { $int: '3' }, extra: true }))).toEqual([
      { key: 'icbc', property: 'country', expected: 'A', current: 'B' },
      { key: 'icbc', property: 'extra', expected: null, current: true },
    ]);
    expect(stateConflicts('icbc', node({ a: 1 }), null)).toEqual([{ key: 'icbc', expected: 'exists', current: 'deleted since' }]);
    expect(stateConflicts('icbc', node({ a: 1 }), node({ a: 1 }))).toEqual([]);
  });
  test('the recorder keeps the first before and the last after, and drops what ended as it began', () => {
    const recorder = new ElementRecorder();
    recorder.record('node', 'a', null, node({ v: 1 }));
    recorder.record('node', 'a', node({ v: 1 }), node({ v: 2 }));
    recorder.record('node', 'b', node({ v: 1 }), node({ v: 2 }));
    recorder.record('node', 'b', node({ v: 2 }), node({ v: 1 }));
    expect(recorder.list()).toEqual([{ kind: 'node', key: 'a', before: null, after: node({ v: 2 }) }]);
  });
});

describe('history values', () => {
  test('integers and floats keep their type through the history', () => {
    const stored = toStoredValue(fromStoredValue({ $int: '2015' }), 'year');
    expect(stored).toEqual({ $int: '2015' });
    expect(toStoredValue(2015, 'year')).toBe(2015);
    expect(toStoredValue([1.5, Number.NaN], 'x')).toEqual([1.5, { $float: 'NaN' }]);
    expect(storedToPlain({ $int: '9007199254740993' })).toBe('9007199254740993');
  });
  test('a value it cannot restore exactly is refused by name', () => {
    expect(() => toStoredValue(new Date(), 'on')).toThrow("Property 'on' holds a value Fingraph's history cannot store");
  });
});

describe('who may write', () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as Request;
  test('only a local deployment on loopback, from loopback, not through a proxy', () => {
    expect(writeRefusal({ listenHost: '127.0.0.1', deployment: 'local' }, request('127.0.0.1'))).toBeNull();
    expect(writeRefusal({ listenHost: '::1', deployment: 'local' }, request('::ffff:127.0.0.1'))).toBeNull();
    expect(writeRefusal({ listenHost: 'localhost', deployment: 'local' }, request('::1'))).toBeNull();
    expect(writeRefusal({ listenHost: '127.0.0.1', deployment: 'public' }, request('127.0.0.1'))).toMatch(/DEPLOYMENT=public/);
    expect(writeRefusal({ listenHost: '0.0.0.0', deployment: 'local' }, request('127.0.0.1'))).toMatch(/listens on 0\.0\.0\.0/);
    expect(writeRefusal({ listenHost: '127.0.0.1', deployment: 'local' }, request('192.0.2.7'))).toMatch(/comes from 192\.0\.2\.7/);
    expect(writeRefusal({ listenHost: '127.0.0.1', deployment: 'local' }, request('127.0.0.1', { forwarded: 'for=1.2.3.4' }))).toMatch(/through a proxy/);
  });
});
