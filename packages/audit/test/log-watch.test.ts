import { generateKeyPairSync } from 'node:crypto';
import { Keyring, leafHash, rootFromLeafHashes, signCheckpoint, toBase64 } from '../src';
import {
  emptyWatchState,
  parseWatchState,
  watchLog,
  type StoredCheckpoint,
} from '../src/log-watch';

const ORIGIN = 'vigil.example.com/audit/access-events/0';
const key = generateKeyPairSync('ed25519');
const keyring = Keyring.fromPublicKeys([key.publicKey]);
const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Uint8Array.of(i)));
const note = (size: number, over = leaves) =>
  signCheckpoint(
    { origin: ORIGIN, size, rootHash: rootFromLeafHashes(over.slice(0, size)) },
    key.privateKey,
  );

function stored(size: number): StoredCheckpoint {
  return {
    size,
    rootHash: toBase64(rootFromLeafHashes(leaves.slice(0, size))),
    checkpoint: note(size),
  };
}

describe('vigil audit watch (the monitor)', () => {
  it('stores the newest verified checkpoint, and moves on when the log only grows', () => {
    const first = watchLog(
      { origin: ORIGIN, notes: [note(5), note(12)], leaves: leaves.slice(0, 12) },
      undefined,
      keyring,
    );
    expect(first).toEqual({ findings: [], newest: stored(12) });
    const second = watchLog(
      { origin: ORIGIN, notes: [note(5), note(12), note(30)], leaves: leaves.slice(0, 30) },
      first.newest,
      keyring,
    );
    expect(second).toEqual({ findings: [], newest: stored(30) });
  });

  it('fails on a second, differently signed tree for a size it has seen, naming log and size', () => {
    const forged = leaves.map((l, i) => (i === 20 ? leafHash(Uint8Array.of(99)) : l));
    const result = watchLog(
      {
        origin: ORIGIN,
        notes: [note(12), note(30), note(30, forged)],
        leaves: leaves.slice(0, 30),
      },
      stored(12),
      keyring,
    );
    expect(result.newest).toBeUndefined();
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'FORK', origin: ORIGIN, oldSize: 30, newSize: 30 }),
    );
    expect(result.findings[0]?.message).toContain(`${ORIGIN}: FORK at tree size 30`);
  });

  it('fails when the stored size shows another tree now', () => {
    const forged = leaves.map((l, i) => (i === 3 ? leafHash(Uint8Array.of(99)) : l));
    const result = watchLog(
      { origin: ORIGIN, notes: [note(12, forged)], leaves: forged },
      stored(12),
      keyring,
    );
    expect(result.findings.map((f) => f.code)).toContain('FORK');
  });

  it('fails when history was rewritten under a newer checkpoint', () => {
    const rewritten = leaves.map((l, i) => (i === 3 ? leafHash(Uint8Array.of(99)) : l));
    const result = watchLog(
      { origin: ORIGIN, notes: [note(30, rewritten)], leaves: rewritten },
      stored(12),
      keyring,
    );
    expect(result.newest).toBeUndefined();
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'INCONSISTENT', oldSize: 12, newSize: 30 }),
    );
    expect(result.findings.find((f) => f.code === 'INCONSISTENT')?.message).toMatch(
      /size 30 does not extend the verified tree of size 12/,
    );
  });

  it('fails on a rollback to a smaller tree', () => {
    const result = watchLog(
      { origin: ORIGIN, notes: [note(5)], leaves: leaves.slice(0, 5) },
      stored(12),
      keyring,
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'ROLLBACK', oldSize: 12, newSize: 5 }),
    );
  });

  it('ignores checkpoints of untrusted keys and reports bad signatures of trusted ones', () => {
    const stranger = generateKeyPairSync('ed25519');
    const foreign = signCheckpoint(
      { origin: ORIGIN, size: 30, rootHash: new Uint8Array(32) },
      stranger.privateKey,
    );
    expect(
      watchLog({ origin: ORIGIN, notes: [foreign, note(12)], leaves }, undefined, keyring),
    ).toEqual({
      findings: [],
      newest: stored(12),
    });
    const good = note(12);
    const broken = good.replace(
      / (\S+)\n$/,
      (_m, sig: string) => ` ${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}\n`,
    );
    const result = watchLog({ origin: ORIGIN, notes: [broken], leaves }, undefined, keyring);
    expect(result.findings.map((f) => f.code)).toEqual(['BAD_SIGNATURE']);
  });

  it('reads and refuses state files', () => {
    expect(parseWatchState(JSON.stringify(emptyWatchState()))).toEqual(emptyWatchState());
    expect(() => parseWatchState('{"version":2,"logs":{}}')).toThrow(/version 1/);
    expect(() => parseWatchState('{"version":1,"logs":{"x":{"size":"1"}}}')).toThrow(/x/);
  });
});
