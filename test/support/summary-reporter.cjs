// Prints one plain closing line, "jest: N passed, N failed[, N skipped]", that CI log readers
// understand without knowing jest's own summary format.
//
// It is also the run's watchdog: a handle leaked by a failing test (a client still reconnecting
// to a broker the test already killed) once kept jest alive until CI's 90-minute limit. If the
// process is still here EXIT_GRACE_MS after the run, it exits with the run's own verdict and
// says why, so a leak costs a warning, never a hung pipeline. The timer is unref'd: a clean run
// exits as soon as it would have.
'use strict';

const EXIT_GRACE_MS = 30_000;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`,
    );
    const failed = results.numFailedTests > 0 || results.numRuntimeErrorTestSuites > 0;
    setTimeout(() => {
      process.stderr.write(
        `jest: still running ${EXIT_GRACE_MS / 1000} s after the tests finished: a test leaked ` +
          'an open handle (find it with --detectOpenHandles); exiting\n',
      );
      process.exit(failed || !results.success ? 1 : 0);
    }, EXIT_GRACE_MS).unref();
  }
}

module.exports = SummaryReporter;
