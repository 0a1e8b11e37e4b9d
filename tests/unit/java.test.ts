import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkJava, LocalNeo4jError } from '../../server/local-neo4j';

test('when Java is missing, the error says to install Java 17 or to set NEO4J_URI', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-nopath-'));
  const saved = process.env.PATH;
  process.env.PATH = empty;
  try {
    expect(() => checkJava()).toThrow(LocalNeo4jError);
    expect(() => checkJava()).toThrow(/Java 17 or newer.*NEO4J_URI/);
  } finally {
    process.env.PATH = saved;
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('when Java is too old, the error names the version found', () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-oldjava-'));
  fs.writeFileSync(path.join(bin, 'java'), '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n', { mode: 0o755 });
  const saved = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${saved}`;
  try {
    expect(() => checkJava()).toThrow('Java 11 was found');
  } finally {
    process.env.PATH = saved;
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('the Java on this machine is accepted', () => {
  expect(checkJava()).toBeGreaterThanOrEqual(17);
});
