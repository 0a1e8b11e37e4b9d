import { allowedHosts, isAllowedHost, isSameOrigin, parseHost } from '../../server/http/hosts';
import { ConfigError, loadConfig } from '../../server/config';

test('a Host header splits into a lower-case name and an optional port; IPv6 keeps its brackets', () => {
  expect(parseHost('Fingraph.Example.com')).toEqual({ hostname: 'fingraph.example.com', port: null });
  expect(parseHost('127.0.0.1:3000')).toEqual({ hostname: '127.0.0.1', port: 3000 });
  expect(parseHost('[::1]:3000')).toEqual({ hostname: '[::1]', port: 3000 });
  expect(parseHost('evil.example.:80')).toEqual({ hostname: 'evil.example', port: 80 });
  for (const bad of ['', 'a b', 'user@host', 'host:99999', 'host:port', 'a/b']) expect(parseHost(bad)).toBeNull();
});

test('listening on loopback, the loopback names are allowed on the listen port only; a foreign name never', () => {
  const rules = allowedHosts({ listenHost: '127.0.0.1', ports: [3000] });
  expect(isAllowedHost(rules, 'localhost:3000')).toBe(true);
  expect(isAllowedHost(rules, '[::1]:3000')).toBe(true);
  expect(isAllowedHost(rules, '127.0.0.1:3001')).toBe(false);
  expect(isAllowedHost(rules, 'evil.example:3000')).toBe(false);
  expect(isAllowedHost(rules, undefined)).toBe(false);
});

test('listening on 0.0.0.0, only the loopback names and ALLOWED_HOSTS are allowed (an entry without a port: any port)', () => {
  const rules = allowedHosts({ listenHost: '0.0.0.0', ports: [3000], configured: ['fingraph.example.com', '10.0.0.5:3000'] });
  expect(isAllowedHost(rules, '0.0.0.0:3000')).toBe(false);
  expect(isAllowedHost(rules, 'fingraph.example.com')).toBe(true);
  expect(isAllowedHost(rules, 'fingraph.example.com:8443')).toBe(true);
  expect(isAllowedHost(rules, '10.0.0.5:3000')).toBe(true);
  expect(isAllowedHost(rules, '10.0.0.5:3001')).toBe(false);
  expect(isAllowedHost(allowedHosts({ configured: ['*'] }), 'anything.example')).toBe(true);
});

test('an Origin is the same origin only with the same host and port (default ports included)', () => {
  expect(isSameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
  expect(isSameOrigin('https://fingraph.example.com', 'fingraph.example.com')).toBe(true);
  expect(isSameOrigin('https://fingraph.example.com', 'fingraph.example.com:443')).toBe(true);
  expect(isSameOrigin('http://localhost:3000', '127.0.0.1:3000')).toBe(false);
  expect(isSameOrigin('http://127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
  expect(isSameOrigin('null', '127.0.0.1:3000')).toBe(false);
  expect(isSameOrigin('file://', '127.0.0.1:3000')).toBe(false);
  expect(isSameOrigin('http://127.0.0.1:3000/path', '127.0.0.1:3000')).toBe(false);
});

test('ALLOWED_HOSTS, DEPLOYMENT and the HTTP limits are read and checked by the config', () => {
  const config = loadConfig({ ALLOWED_HOSTS: ' fingraph.example.com , 10.0.0.5:3000 ', DEPLOYMENT: 'public', HTTP_REQUEST_TIMEOUT_MS: '2000' });
  expect(config.http.allowedHosts).toEqual(['fingraph.example.com', '10.0.0.5:3000']);
  expect(config.deployment).toBe('public');
  expect(config.http.requestTimeoutMs).toBe(2000);
  expect(loadConfig({}).deployment).toBe('local');
  expect(loadConfig({}).http.allowedHosts).toBeUndefined();
  expect(() => loadConfig({ ALLOWED_HOSTS: 'http://x.example' })).toThrow(ConfigError);
  expect(() => loadConfig({ ALLOWED_HOSTS: 'http://x.example' })).toThrow('ALLOWED_HOSTS');
  expect(() => loadConfig({ DEPLOYMENT: 'prod' })).toThrow('DEPLOYMENT="prod"');
});
