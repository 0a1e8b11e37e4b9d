/** The error middleware: unexpected errors answer a plain 500 with the request id; their details go to the log only. */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../server/http/logger';
import { requestContext } from '../../server/http/request-context';
import { problemMiddleware } from '../../server/problem';

test('a crash in a handler answers 500 problem+json without its message or stack, and logs both', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = express();
  app.use(requestContext(createLogger('info', sink)));
  app.get('/boom', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret') at Neo4jError bolt://10.0.0.5");
  });
  app.use(problemMiddleware);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`, { headers: { 'x-request-id': 'r-1' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The server failed to handle the request; the error is in its log.', requestId: 'r-1' });
    expect(text).not.toMatch(/secret|bolt|TypeError|\bat /);
    const logged = lines.join('');
    expect(logged).toContain('"requestId":"r-1"');
    expect(logged).toContain('reading');
    expect(logged).toContain('"stack"');
  } finally {
    server.close();
  }
});
