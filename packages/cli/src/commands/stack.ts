import { CliError, EXIT } from '../exit-codes';
import type { Output } from '../output';
import {
  describeExit,
  stackDown,
  stackStatus,
  stackUp,
  STACK_SERVICES,
  type ServiceStatus,
} from '../stack/stack';

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

/** One line of `stack status`: a crashed service says how it ended, unlike a stopped one. */
export function statusLine(s: ServiceStatus, out: Pick<Output, 'style'>): string {
  const state =
    s.state === 'crashed'
      ? out.style.bad(`crashed (${describeExit(s.exit)})`)
      : s.state === 'stopped'
        ? out.style.dim('stopped')
        : s.state === 'ready'
          ? out.style.ok('ready')
          : out.style.warn('not ready');
  const when = s.state === 'crashed' && s.exit ? ` at ${s.exit.exitedAt} ` : '';
  return `${s.name.padEnd(7)} ${state.padEnd(9)}${when} ${s.pid === null ? '' : `pid ${s.pid}  `}ops :${s.opsPort}  log ${s.log}`;
}

export async function stackStatusCommand(out: Output): Promise<number> {
  const status = await stackStatus();
  if (out.json) out.printJson(status);
  else for (const s of status) out.line(statusLine(s, out));
  // Exit 3 when anything is down, so scripts can wait on `vigil stack status`.
  return status.every((s) => s.ready) ? EXIT.OK : EXIT.UNAVAILABLE;
}
