/**
 * Crash test: two sealer instances share the partitions while events stream in, and one of them
 * is SIGKILLed at random moments (then restarted) again and again. Whatever instant the kill
 * lands on (mid-batch, mid-transaction, mid-rebalance), the log must verify at the end: every
 * event in exactly one batch, no fork, no duplicate root; and Kafka's own read_committed
 * consumer must see the same chains as `vigil audit verify` (issue #17).
 *
 * The longer form, a SIGKILL every ~10 s for many runs, is the kill soak (`pnpm soak`).
 */
import { killRun } from './kill-run';

const KILLS = 10;

describe('sealer crash safety', () => {
  it(`survives ${KILLS} SIGKILLs of one of two instances with no gap, duplicate or fork`, async () => {
    const result = await killRun({
      name: 'crash',
      kills: KILLS,
      killEveryMs: [200, 1_700],
      restartAfterMs: [0, 1],
    });
    expect(result).toMatchObject({
      verified: true,
      disagreements: [],
      outsideProblems: [],
      outsideUnsealed: 0,
    });
    expect(result.acked).toBeGreaterThan(0);
  }, 300_000);
});
