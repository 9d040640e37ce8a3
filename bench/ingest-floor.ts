/**
 * The floor under ingest, for bench/ingest.ts: IngestService on grpc-js with the same protobufjs
 * codecs, in front of ingest's own Kafka publisher (its coalescer, its lanes of idempotent kafkajs
 * producers, acks=all, murmur2 placement) with ingest's settings, and nothing else. No
 * authentication, validation, enrichment, dedup or per-request metrics: each event is stored as
 * it was received, re-encoded as ingest re-encodes it, and answered with its receipt. Without the
 * server's fields its records are a little smaller than ingest's (278 bytes against 300 in the
 * bench), so the floor errs on the cheap side.
 *
 * What ingest costs beyond this is Vigil's own per-event work; what this costs beyond the plain
 * kafkajs producer is gRPC, protobuf and the coalescing that any ingest on these libraries pays.
 *
 * With --without-kafka it is the transport alone: the same server and codecs, answering each
 * event at once with a made-up receipt. That splits the floor into what grpc-js and protobufjs
 * cost and what storing through kafkajs costs, and bounds what any server on grpc-js can answer
 * single-event Publish calls with.
 *
 *   node bench/dist/ingest-floor.js [--without-kafka]   (started by bench/dist/ingest.js)
 *
 * Takes ingest's environment (KAFKA_*, INGEST_TOPIC, INGEST_* settings), listens on free ports
 * and prints `{"msg":"ingest started","grpcPort":…,"opsPort":…}` as ingest does, so the bench
 * drives and measures both alike (its /metrics has ingest's flush histograms).
 */
import * as http from 'node:http';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { IngestServiceDefinition, vigil } from '@vigil/proto';
import { createKafka, createLogger, kafkaClientEnv, loadConfig, type Logger } from '@vigil/runtime';

/** The checkout: this file runs from bench/dist/. */
const REPO = path.resolve(__dirname, '../..');

interface Placement {
  topic: string;
  partition: number;
  offset: number;
}
interface Publisher {
  start(): Promise<void>;
  publish(record: { eventId: string; key: string; value: Buffer }): Promise<Placement>;
  stop(): Promise<void>;
}

/** Ingest's built modules, the very ones the bench's ingest runs. */
function ingestModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { KafkaPublisher } = require(path.join(REPO, 'services/ingest/dist/publisher.js')) as {
    KafkaPublisher: new (
      kafka: Kafka,
      options: Record<string, unknown>,
      metrics: unknown,
      logger: Logger,
    ) => Publisher;
  };
  const { createIngestMetrics } = require(path.join(REPO, 'services/ingest/dist/metrics.js')) as {
    createIngestMetrics: (registry: Registry) => unknown;
  };
  const { ingestEnv } = require(path.join(REPO, 'services/ingest/dist/config.js')) as {
    ingestEnv: Parameters<typeof loadConfig>[0];
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { KafkaPublisher, createIngestMetrics, ingestEnv };
}

/** Answers at once, in order, as if every event went to partition 0 of the topic. */
function madeUpPublisher(topic: string): Publisher {
  let offset = 0;
  return {
    start: () => Promise.resolve(),
    publish: () => Promise.resolve({ topic, partition: 0, offset: offset++ }),
    stop: () => Promise.resolve(),
  };
}

async function main(): Promise<void> {
  const withoutKafka = process.argv.includes('--without-kafka');
  const { KafkaPublisher, createIngestMetrics, ingestEnv } = ingestModules();
  // Ingest's own schema and defaults, so the floor's publisher is configured as the service's is.
  const settings = loadConfig(ingestEnv, process.env) as unknown as Record<string, unknown>;
  const logger = createLogger({ service: 'ingest-floor', level: 'warn' });
  const registry = new Registry();
  const metrics = createIngestMetrics(registry);
  const kafka = createKafka({
    config: loadConfig(kafkaClientEnv, process.env),
    clientId: 'ingest-floor',
    logger,
  });
  const publisher = withoutKafka
    ? madeUpPublisher(String(settings.INGEST_TOPIC))
    : new KafkaPublisher(
        kafka,
        {
          topic: settings.INGEST_TOPIC,
          producers: settings.INGEST_PRODUCERS,
          lingerMs: settings.INGEST_LINGER_MS,
          flushMaxEvents: settings.INGEST_FLUSH_MAX_EVENTS,
          flushMaxBytes: settings.INGEST_FLUSH_MAX_BYTES,
          compression: settings.INGEST_COMPRESSION,
          compressionMinBytes: settings.INGEST_COMPRESSION_MIN_BYTES,
          stallMs: settings.INGEST_KAFKA_STALL_MS,
        },
        metrics,
        logger,
      );
  await publisher.start();

  const store = (events: vigil.v1.IAccessEvent[]) =>
    Promise.all(
      events.map(async (event) => {
        const eventId = event.eventId ?? '';
        const placement = await publisher.publish({
          eventId,
          key: event.actor?.userId ?? '',
          value: Buffer.from(vigil.v1.AccessEvent.encode(event).finish()),
        });
        return vigil.v1.PublishReceipt.create({ eventId, ...placement, duplicate: false });
      }),
    );
  type Call<Req> = grpc.ServerUnaryCall<Req, unknown>;
  const server = new grpc.Server();
  server.addService(IngestServiceDefinition as unknown as grpc.ServiceDefinition, {
    publish(call: Call<vigil.v1.AccessEvent>, callback: grpc.sendUnaryData<unknown>) {
      store([call.request]).then(
        (receipts) => callback(null, receipts[0]),
        (err: Error) => callback(err),
      );
    },
    publishBatch(call: Call<vigil.v1.PublishBatchRequest>, callback: grpc.sendUnaryData<unknown>) {
      store(call.request.events ?? []).then(
        (receipts) => callback(null, vigil.v1.PublishBatchResponse.create({ receipts })),
        (err: Error) => callback(err),
      );
    },
  });
  const grpcPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  const ops = http.createServer((_request, response) => {
    registry.metrics().then(
      (text) => response.end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => ops.listen(0, '127.0.0.1', resolve));
  const opsPort = (ops.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ msg: 'ingest started', grpcPort, httpPort: 0, opsPort })}\n`,
  );

  process.once('SIGTERM', () => {
    server.tryShutdown(() => {
      ops.close();
      publisher.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  });
}

main().catch((err: unknown) => {
  process.stderr.write(
    `ingest-floor: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
