/**
 * Kill soak (issue #17): many runs of two sealers under steady load, one SIGKILLed about every
 * 10 s (7 kills a run) and restarted 1-3 s later. After each run, Kafka's own read_committed
 * consumer and `vigil audit verify` must see the same chains, every event in exactly one
 * committed batch. Too long for CI; run it with `./dev pnpm soak` (SOAK_RUNS, default 20).
 */
import { killRun, type KillRunResult } from './kill-run';

const RUNS = Number(process.env.SOAK_RUNS ?? 20);
const KILLS = Number(process.env.SOAK_KILLS ?? 7);

describe('sealer kill soak', () => {
  it(
    `${RUNS} runs of ${KILLS} SIGKILLs: the outside reader always agrees with verify`,
    async () => {
      const results: KillRunResult[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const result = await killRun({
          name: `soak-${run}`,
          kills: KILLS,
          killEveryMs: [8_000, 12_000],
          restartAfterMs: [1_000, 3_000],
          partitions: { events: 6, roots: 3 },
        });
        results.push(result);
        process.stdout.write(
          `kill soak run ${run}/${RUNS}: acked ${result.acked}, ${result.verifySummary}, ` +
            `aborted roots named ${result.abortedRoots}, outside reader: ${result.disagreements.length} disagreements, ` +
            `${result.outsideUnsealed} not in exactly one committed batch, ${result.outsideProblems.length} chain problems` +
            `${result.disagreements.length + result.outsideUnsealed + result.outsideProblems.length > 0 || !result.verified ? ` (logs ${result.logs})` : ''}\n`,
        );
      }
      const total = (pick: (r: KillRunResult) => number) =>
        results.reduce((n, r) => n + pick(r), 0);
      process.stdout.write(
        `kill soak: ${RUNS} runs, ${RUNS * KILLS} SIGKILLs, ${total((r) => r.acked)} events; ` +
          `verify passed ${results.filter((r) => r.verified).length}/${RUNS}; ` +
          `disagreements ${total((r) => r.disagreements.length)}, outside unsealed ${total((r) => r.outsideUnsealed)}, ` +
          `aborted roots named ${total((r) => r.abortedRoots)}\n`,
      );
      expect(results.filter((r) => !r.verified).map((r) => r.logs)).toEqual([]);
      expect(
        total((r) => r.disagreements.length + r.outsideProblems.length + r.outsideUnsealed),
      ).toBe(0);
    },
    24 * 3_600_000,
  );
});
