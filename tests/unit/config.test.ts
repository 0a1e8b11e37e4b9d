import path from 'node:path';
import { ConfigError, LOCAL_DEFAULT_PASSWORD, loadConfig } from '../../server/config';

test('with an empty environment, the defaults start a local Neo4j on 7687 and serve on 127.0.0.1:3000', () => {
  const config = loadConfig({});
  expect(config.port).toBe(3000);
  expect(config.host).toBe('127.0.0.1');
  expect(config.externalNeo4j).toBe(false);
  expect(config.neo4j).toEqual({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: LOCAL_DEFAULT_PASSWORD, database: undefined });
  expect(config.local.home).toBe(path.resolve(__dirname, '..', '..', 'neo4j', 'data'));
});

test('with NEO4J_URI set, the given server, user, password and database are used and nothing local', () => {
  const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'fintech' });
  expect(config.externalNeo4j).toBe(true);
  expect(config.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'pw', database: 'fintech' });
});

test('empty variables count as unset', () => {
  expect(loadConfig({ PORT: '', NEO4J_URI: '' }).port).toBe(3000);
});

test.each([
  [{ PORT: 'eighty' }, 'PORT="eighty": must be a port number'],
  [{ PORT: '70000' }, 'PORT="70000": must be between 0 and 65535'],
  [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, 'NEO4J_URI="http://localhost:7474": must look like bolt://'],
  [{ NEO4J_DATABASE: 'drop database;' }, 'NEO4J_DATABASE="drop database;": must be a Neo4j database name'],
  [{ NEO4J_HEAP: 'a lot' }, 'NEO4J_HEAP="a lot": must be a size such as 512m or 2g'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
])('an invalid environment %j fails naming the variable and what it must be', (environment, message) => {
  expect(() => loadConfig(environment)).toThrow(ConfigError);
  expect(() => loadConfig(environment)).toThrow(message);
});

test('NEO4J_URI without NEO4J_PASSWORD fails saying the password is needed', () => {
  expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow('NEO4J_PASSWORD is not');
});
