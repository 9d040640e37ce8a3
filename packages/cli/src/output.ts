/** Terminal output: colour only on a TTY (and never with NO_COLOR), JSON for scripts. */
export interface Output {
  readonly json: boolean;
  line(text?: string): void;
  error(text: string): void;
  printJson(value: unknown): void;
  readonly style: Style;
}

export interface Style {
  ok(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (on: boolean, open: number, close: number) => (text: string) =>
  on ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export function styleFor(stream: NodeJS.WriteStream): Style {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    ok: wrap(on, 32, 39),
    bad: wrap(on, 31, 39),
    warn: wrap(on, 33, 39),
    dim: wrap(on, 2, 22),
    bold: wrap(on, 1, 22),
  };
}

export function createOutput(json: boolean): Output {
  return {
    json,
    style: styleFor(process.stdout),
    line: (text = '') => void process.stdout.write(`${text}\n`),
    error: (text) => void process.stderr.write(`${text}\n`),
    printJson: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}
