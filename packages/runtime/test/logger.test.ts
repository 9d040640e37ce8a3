import { Writable } from 'node:stream';
import { createLogger } from '../src';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes structured JSON with the service name and a textual level', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'ingest', destination }).info({ events: 3 }, 'published');
    expect(lines[0]).toMatchObject({
      service: 'ingest',
      level: 'info',
      events: 3,
      msg: 'published',
    });
  });

  it('redacts tokens, authorization headers and key material wherever they appear', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'test', destination }).info(
      {
        token: 't0ken',
        headers: { authorization: 'Bearer s3cret', host: 'x' },
        source: { name: 'gateway', apiToken: 'abc' },
        signer: { privateKey: '-----BEGIN PRIVATE KEY-----' },
      },
      'request',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['t0ken', 's3cret', 'abc', 'BEGIN PRIVATE KEY']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ headers: { host: 'x' }, source: { name: 'gateway' } });
  });
});
