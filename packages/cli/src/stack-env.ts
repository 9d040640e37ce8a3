import * as fs from 'node:fs';
import { stackEnvFile } from './paths';

/**
 * Reads `.local/stack.env` (KEY=value lines) into process.env without overriding anything the
 * user set, so that `vigil events send` just works against `./dev up` while flags and real
 * environment variables still win.
 */
/** The variables loadStackEnv set: the CLI's settings, never to be passed on to a service. */
export const fromStackEnv = new Set<string>();

export function loadStackEnv(file = stackEnvFile()): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1] as string] === undefined) {
      process.env[match[1] as string] = match[2];
      fromStackEnv.add(match[1] as string);
    }
  }
}
