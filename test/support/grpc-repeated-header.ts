import { spawn } from 'node:child_process';
import * as path from 'node:path';

export interface RepeatedHeaderCall {
  address: string;
  path: string;
  payload: Buffer;
  authorization: readonly string[];
  timeoutMs?: number;
}

export interface RepeatedHeaderAnswer {
  code: number;
  details: string;
  trailers: Record<string, string>;
  ms: number;
}

const SCRIPT = path.join(__dirname, 'grpc-repeated-header-client.cjs');

/**
 * A unary gRPC call carrying several `authorization` values, made by a child process (Node's
 * HTTP/2 client refuses to send them; see grpc-repeated-header-client.cjs).
 */
export function callWithRepeatedAuthorization(
  call: RepeatedHeaderCall,
): Promise<RepeatedHeaderAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-internals', SCRIPT], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const answer = JSON.parse(out) as Omit<RepeatedHeaderAnswer, 'ms'>;
        resolve({ ...answer, ms: Date.now() - started });
      } catch {
        reject(new Error(`repeated-header client exited ${code}: ${err.slice(0, 500)}`));
      }
    });
    child.stdin.end(
      JSON.stringify({
        address: call.address,
        path: call.path,
        payload: call.payload.toString('base64'),
        authorization: call.authorization,
        timeoutMs: call.timeoutMs ?? 10_000,
      }),
    );
  });
}
