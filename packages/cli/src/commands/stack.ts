import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import { stackDown, stackStatus, stackUp, STACK_SERVICES } from '../stack/stack';

export async function stackUpCommand(flags: { brokers: string }, out: Output): Promise<number> {
  let result;
  try {
    result = await stackUp({ kafkaBrokers: flags.brokers });
  } catch (err) {
    throw new CliError(
      (err as Error).message,
      EXIT.UNAVAILABLE,
      'Kafka and Redis must be up first: ./dev up',
    );
  }
  if (out.json) {
    out.printJson({
      ...result,
      secrets: { keyId: result.secrets.keyId, publicKey: result.secrets.publicKeyFile },
    });
    return EXIT.OK;
  }
  for (const service of STACK_SERVICES) {
    const state = result.started.includes(service.name) ? 'started' : 'already running';
    out.line(
      `${out.style.ok('✔')} ${service.name.padEnd(7)} ${state}, ready  ${service.endpoints.join('  ')}  ops http://127.0.0.1:${service.opsPort}/metrics`,
    );
  }
  return EXIT.OK;
}

export async function stackDownCommand(out: Output): Promise<number> {
  const result = await stackDown();
  if (out.json) out.printJson(result);
  else {
    for (const name of result.stopped) out.line(`stopped ${name}`);
    for (const name of result.notRunning) out.line(out.style.dim(`${name} was not running`));
  }
  return EXIT.OK;
}

export async function stackStatusCommand(out: Output): Promise<number> {
  const status = await stackStatus();
  if (out.json) out.printJson(status);
  else {
    for (const s of status) {
      const state =
        s.pid === null
          ? out.style.dim('stopped')
          : s.ready
            ? out.style.ok('ready')
            : out.style.warn('not ready');
      out.line(
        `${s.name.padEnd(7)} ${state.padEnd(9)} ${s.pid === null ? '' : `pid ${s.pid}  `}ops :${s.opsPort}  log ${s.log}`,
      );
    }
  }
  // Exit 3 when anything is down, so scripts can wait on `vigil stack status`.
  return status.every((s) => s.ready) ? EXIT.OK : EXIT.UNAVAILABLE;
}
