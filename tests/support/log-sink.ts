/** A stream for createLogger that keeps each JSON log line it is given as an object in `lines`. */
import { Writable } from 'node:stream';

export function jsonLineSink(lines: Array<Record<string, unknown>>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
}
