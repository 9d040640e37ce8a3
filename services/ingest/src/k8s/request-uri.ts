/**
 * What a streaming request (exec, attach, port-forward) says in its query string. The API server
 * records the command and options only there (`command=` once per argument, `container=`,
 * `stdin`, `tty`, `ports=`), even at the Metadata level. Commands typed inside an interactive
 * TTY are never audited by Kubernetes; only the initial argv is.
 */
export interface StreamOptions {
  command: string[];
  container: string | undefined;
  stdin: boolean;
  tty: boolean;
  ports: string[];
}

/** How much of an exec command is kept (INGEST_K8S_AUDIT_EXEC_COMMAND). */
export type CommandMode = 'keep' | 'program' | 'none';
export const COMMAND_MODES: readonly CommandMode[] = ['keep', 'program', 'none'];

/** The placeholder for a redacted argument. */
export const REDACTED = '[redacted]';

export function streamOptions(requestUri: string): StreamOptions {
  let params: URLSearchParams;
  try {
    params = new URL(requestUri, 'http://apiserver.invalid').searchParams;
  } catch {
    params = new URLSearchParams();
  }
  const flag = (name: string) => params.get(name) === 'true' || params.get(name) === '1';
  return {
    command: params.getAll('command'),
    container: params.get('container') ?? undefined,
    stdin: flag('stdin'),
    tty: flag('tty'),
    ports: params.getAll('ports'),
  };
}

/**
 * The command as stored. `keep`: every argument. `program`: the program only, each argument
 * replaced by REDACTED (arguments may carry passwords and tokens, and the sealed log can never
 * forget them). `none`: nothing. Undefined when there is nothing to store.
 */
export function redactCommand(command: readonly string[], mode: CommandMode): string[] | undefined {
  if (command.length === 0 || mode === 'none') return undefined;
  if (mode === 'keep') return [...command];
  return [command[0] as string, ...command.slice(1).map(() => REDACTED)];
}

/** The path of a request URI, without its query (non-resource requests have no objectRef). */
export function requestPath(requestUri: string): string {
  const query = requestUri.search(/[?#]/);
  return query === -1 ? requestUri : requestUri.slice(0, query);
}
