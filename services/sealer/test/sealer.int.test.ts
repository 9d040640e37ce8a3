/**
 * The sealer against the real broker, checked the way an auditor would: with the `vigil` CLI and
 * nothing but the public key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { encodeSealedRoot, signRoot, ZERO_HASH } from '@vigil/audit';
import { createTestTopics, testKafka, waitFor } from '../../../test/support/infra';
import { metricSum, produceEvents, sealerFixture, startSealer, verifyArgs, vigil } from './support';

describe('sealer + vigil audit', () => {
  const fixture = sealerFixture('seal');
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [
      { topic: fixture.eventsTopic, numPartitions: 3 },
      { topic: fixture.rootsTopic, numPartitions: 1 },
    ]);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();

    await produceEvents(producer, fixture.eventsTopic, 450);
    const sealer = await startSealer(fixture);
    await waitFor(
      'all 450 events sealed',
      async () => (await metricSum(sealer.opsPort, 'vigil_sealer_events_sealed_total')) >= 450,
    );
    // A graceful stop seals what is buffered and exits 0.
    expect(await sealer.kill('SIGTERM')).toBe(0);
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.deleteGroups([fixture.groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [fixture.eventsTopic, fixture.rootsTopic] });
    await admin.disconnect();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  });

  it('verifies: every event sealed once, chains continuous, roots signed', async () => {
    const result = await vigil(verifyArgs(fixture));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^OK: 450 records in \d+ batches across 3 partitions, signed by ed25519:/m,
    );
  });

  it('proves one event with a bundle that verifies offline, and fails when any byte changes', async () => {
    const bundleFile = path.join(fixture.dir, 'bundle.json');
    const proved = await vigil([
      'audit',
      'prove',
      '--topic',
      fixture.eventsTopic,
      '--partition',
      '1',
      '--offset',
      '5',
      '--roots-topic',
      fixture.rootsTopic,
      '--out',
      bundleFile,
    ]);
    expect(proved.code).toBe(0);
    const ok = await vigil([
      'audit',
      'verify-bundle',
      bundleFile,
      '--keyring',
      fixture.keyringFile,
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`the record at ${fixture.eventsTopic}/1 offset 5 is leaf 5`);

    const original = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
    const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    const flipBase64 = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };
    const tampered: Record<string, (b: typeof original) => void> = {
      'event byte': (b) => (b.record.valueBase64 = flipBase64(b.record.valueBase64)),
      'audit path byte': (b) => (b.auditPath[0] = flipHex(b.auditPath[0])),
      'root byte': (b) => (b.sealedRoot.rootHash = flipHex(b.sealedRoot.rootHash)),
      'signature byte': (b) => (b.sealedRoot.signature = flipHex(b.sealedRoot.signature)),
    };
    for (const [what, tamper] of Object.entries(tampered)) {
      const copy = structuredClone(original);
      tamper(copy);
      const file = path.join(fixture.dir, `tampered-${what.replace(/ /g, '-')}.json`);
      fs.writeFileSync(file, JSON.stringify(copy));
      const result = await vigil([
        'audit',
        'verify-bundle',
        file,
        '--keyring',
        fixture.keyringFile,
      ]);
      expect({ what, code: result.code, out: result.stdout.startsWith('NOT VERIFIED') }).toEqual({
        what,
        code: 1,
        out: true,
      });
    }
  });

  it('fails and names partition and offset when a forged record was never sealed', async () => {
    const [ack] = await producer.send({
      topic: fixture.eventsTopic,
      acks: -1,
      messages: [
        { partition: 2, value: Buffer.from('forged: slipped in while the sealer was down') },
      ],
    });
    const result = await vigil(verifyArgs(fixture));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`UNSEALED ${fixture.eventsTopic}/2 offset ${ack?.baseOffset}`);
    expect(result.stdout).toMatch(/^FAILED: 1 problem/m);
  });

  it('fails and names the partition when a root is signed by an untrusted key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = signRoot(
      {
        version: 1,
        topic: fixture.eventsTopic,
        partition: 0,
        batchSequence: 0,
        firstOffset: 0,
        lastOffset: 0,
        leafCount: 1,
        rootHash: new Uint8Array(32).fill(7),
        prevRootHash: ZERO_HASH,
        sealedAtMillis: Date.now(),
      },
      privateKey,
    );
    await producer.send({
      topic: fixture.rootsTopic,
      acks: -1,
      messages: [
        {
          key: `${fixture.eventsTopic}/0`,
          value: encodeSealedRoot(forged),
        },
      ],
    });
    const result = await vigil([...verifyArgs(fixture), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { kind: string; topic: string; partition: number }[];
    };
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'UNKNOWN_KEY', topic: fixture.eventsTopic, partition: 0 }),
      ]),
    );
  });

  it('explains bad flags and unreachable brokers with exit codes', async () => {
    const missingKeyring = await vigil(['audit', 'verify', '--roots-topic', fixture.rootsTopic]);
    expect(missingKeyring.code).toBe(2);
    expect(missingKeyring.stderr).toContain('--keyring is required');
    const badOffset = await vigil([
      'audit',
      'prove',
      '--topic',
      fixture.eventsTopic,
      '--partition',
      '0',
      '--offset',
      'x',
    ]);
    expect(badOffset.code).toBe(2);
    expect(badOffset.stderr).toContain('--offset: expected a non-negative integer');
    const notSealed = await vigil([
      'audit',
      'prove',
      '--topic',
      fixture.eventsTopic,
      '--partition',
      '0',
      '--offset',
      '999999',
      '--roots-topic',
      fixture.rootsTopic,
    ]);
    expect(notSealed.code).toBe(4);
    const unreachable = await vigil(['--brokers', '127.0.0.1:1', ...verifyArgs(fixture)]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain('cannot reach Kafka at 127.0.0.1:1');
  });
});
