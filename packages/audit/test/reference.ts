/**
 * RFC 6962 §2.1 written out as literally as possible, recursion and slices included, with
 * node:crypto used directly: an independent oracle for the library's iterative implementation.
 */
import { createHash } from 'node:crypto';

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

/** Largest power of two strictly smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf inputs (not leaf hashes). */
export function refMth(inputs: readonly Uint8Array[]): Buffer {
  const n = inputs.length;
  if (n === 0) return sha256();
  if (n === 1) return sha256(Buffer.from([0x00]), inputs[0] as Uint8Array);
  const k = splitPoint(n);
  return sha256(Buffer.from([0x01]), refMth(inputs.slice(0, k)), refMth(inputs.slice(k)));
}

/** PATH(m, D[n]), RFC 6962 §2.1.1. */
export function refPath(m: number, inputs: readonly Uint8Array[]): Buffer[] {
  const n = inputs.length;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...refPath(m, inputs.slice(0, k)), refMth(inputs.slice(k))];
  return [...refPath(m - k, inputs.slice(k)), refMth(inputs.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), RFC 6962 §2.1.2. */
export function refProof(m: number, inputs: readonly Uint8Array[]): Buffer[] {
  return refSubproof(m, inputs, true);
}

function refSubproof(m: number, inputs: readonly Uint8Array[], b: boolean): Buffer[] {
  const n = inputs.length;
  if (m === n) return b ? [] : [refMth(inputs)];
  const k = splitPoint(n);
  if (m <= k) return [...refSubproof(m, inputs.slice(0, k), b), refMth(inputs.slice(k))];
  return [...refSubproof(m - k, inputs.slice(k), false), refMth(inputs.slice(0, k))];
}

/** len(PROOF(m, D[n])), following the same recursion without hashing anything. */
export function refProofLength(m: number, n: number, b = true): number {
  if (m === n) return b ? 0 : 1;
  const k = splitPoint(n);
  return 1 + (m <= k ? refProofLength(m, k, b) : refProofLength(m - k, n - k, false));
}

/** Distinct leaf inputs: "leaf-0", "leaf-1", ... */
export const inputs = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
