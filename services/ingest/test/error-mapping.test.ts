import { status } from '@grpc/grpc-js';
import {
  ERROR_MAPPINGS,
  describeError,
  grpcErrorMetadata,
  grpcStatusMessage,
  httpErrorBody,
} from '../src/error-mapping';
import { attributeField } from '../src/text';
import { IngestError, invalidArgument, type Violation } from '../src/errors';

describe('error mapping', () => {
  it.each([
    ['INVALID_ARGUMENT', status.INVALID_ARGUMENT, 400],
    ['MALFORMED_REQUEST', status.INVALID_ARGUMENT, 400],
    ['CLIENT_ABORTED', status.CANCELLED, 400],
    ['BATCH_TOO_LARGE', status.INVALID_ARGUMENT, 413],
    ['UNAUTHENTICATED', status.UNAUTHENTICATED, 401],
    ['PERMISSION_DENIED', status.PERMISSION_DENIED, 403],
    ['EVENT_ID_CONFLICT', status.ALREADY_EXISTS, 409],
    ['OVERLOADED', status.RESOURCE_EXHAUSTED, 429],
    ['KAFKA_UNAVAILABLE', status.UNAVAILABLE, 503],
    ['DEDUP_UNAVAILABLE', status.UNAVAILABLE, 503],
    ['DUPLICATE_IN_FLIGHT', status.UNAVAILABLE, 503],
    ['DRAINING', status.UNAVAILABLE, 503],
    ['ACK_TIMEOUT', status.DEADLINE_EXCEEDED, 504],
    ['INTERNAL', status.INTERNAL, 500],
  ] as const)('%s -> gRPC %i, HTTP %i', (code, grpcStatus, httpStatus) => {
    expect(ERROR_MAPPINGS[code]).toEqual({ grpc: grpcStatus, http: httpStatus });
    const described = describeError(new IngestError(code, 'm'));
    expect([described.grpcStatus, described.httpStatus]).toEqual([grpcStatus, httpStatus]);
  });

  it('turns unknown errors into INTERNAL without leaking their message', () => {
    const described = describeError(new Error('ECONNRESET at 10.0.0.5 password=hunter2'));
    expect(described.code).toBe('INTERNAL');
    expect(described.message).toBe('internal error');
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    const retry = (ms: number) =>
      describeError(new IngestError('OVERLOADED', 'm', { retryAfterMs: ms })).retryAfterSeconds;
    expect(retry(1)).toBe(1);
    expect(retry(1_000)).toBe(1);
    expect(retry(1_001)).toBe(2);
    expect(
      describeError(new IngestError('INVALID_ARGUMENT', 'm')).retryAfterSeconds,
    ).toBeUndefined();
  });

  it('puts code, violations, event ids and retry hint into gRPC trailers as ASCII JSON', () => {
    const violations: Violation[] = [
      { index: 3, field: 'attributes["größe"]', reason: 'TOO_LONG', message: 'too long' },
    ];
    const md = grpcErrorMetadata(
      describeError(
        new IngestError('ACK_TIMEOUT', 'm', {
          violations,
          eventIds: ['a', 'b'],
          retryAfterMs: 2_000,
        }),
      ),
    );
    expect(md['vigil-error-code']).toBe('ACK_TIMEOUT');
    expect(md['vigil-violations']).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(md['vigil-violations'] as string)).toEqual(violations);
    expect(md['vigil-violation-count']).toBe('1');
    expect(JSON.parse(md['vigil-event-ids'] as string)).toEqual(['a', 'b']);
    expect(md['retry-after-ms']).toBe('2000');
  });

  it('leaves out event ids that do not fit a trailer, rather than send a partial list', () => {
    const eventIds = Array.from({ length: 1000 }, (_, i) => `01HZX3Y8R8N0Q4S7J2W5K9T${i}`);
    const md = grpcErrorMetadata(describeError(new IngestError('ACK_TIMEOUT', 'm', { eventIds })));
    expect(md['vigil-event-ids']).toBeUndefined();
    expect(md['vigil-error-code']).toBe('ACK_TIMEOUT');
  });

  it('cuts the trailer list to fit, keeps the count, and keeps the full list for HTTP', () => {
    const violations: Violation[] = Array.from({ length: 1000 }, (_, index) => ({
      index,
      field: 'actor.user_id',
      reason: 'REQUIRED',
      message: 'is required',
    }));
    const error = describeError(invalidArgument(violations));
    const md = grpcErrorMetadata(error);
    const listed = JSON.parse(md['vigil-violations'] as string) as Violation[];
    expect((md['vigil-violations'] as string).length).toBeLessThanOrEqual(6 * 1024);
    expect(listed.length).toBeGreaterThan(50);
    expect(listed[0]).toEqual({ index: 0, field: 'actor.user_id', reason: 'REQUIRED' });
    expect(md['vigil-violation-count']).toBe('1000');
    expect((httpErrorBody(error).error as { violations: unknown[] }).violations).toHaveLength(1000);
    expect(error.message).toBe(
      '1000 violation(s) in 1000 event(s), nothing was published; first: event 0: actor.user_id: is required',
    );
  });

  it('keeps status messages, trailers and HTTP bodies bounded for huge client keys', () => {
    for (const key of ['k'.repeat(300_000), 'é'.repeat(40_000)]) {
      const violations: Violation[] = [
        { index: 0, field: attributeField(key), reason: 'TOO_LONG', message: 'too long' },
      ];
      const error = describeError(invalidArgument(violations));
      expect(Buffer.byteLength(error.message)).toBeLessThanOrEqual(1024);
      expect(encodeURI(grpcStatusMessage(error)).length).toBeLessThanOrEqual(1024);
      expect(error.message).toMatch(
        /^1 violation\(s\) in 1 event\(s\).*; first: event 0: attributes\[/,
      );
      expect(grpcErrorMetadata(error)['vigil-violations']!.length).toBeLessThan(600);
      expect(JSON.stringify(httpErrorBody(error)).length).toBeLessThan(1024);
    }
  });

  it('caps any error message at 1 KiB, even one built from unbounded text', () => {
    const error = describeError(new IngestError('MALFORMED_REQUEST', 'x'.repeat(100_000)));
    expect(Buffer.byteLength(error.message)).toBeLessThanOrEqual(1024);
    const accents = describeError(new IngestError('MALFORMED_REQUEST', 'é\ud800'.repeat(10_000)));
    expect(encodeURI(grpcStatusMessage(accents)).length).toBeLessThanOrEqual(1024);
  });

  it('reports a client abort as CLIENT_ABORTED, a client error, not INTERNAL', () => {
    const described = describeError(
      new IngestError('CLIENT_ABORTED', 'gone', {
        cause: Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
      }),
    );
    expect(described.code).toBe('CLIENT_ABORTED');
    expect(described.httpStatus).toBe(400);
  });
});
