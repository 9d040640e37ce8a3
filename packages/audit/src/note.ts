/**
 * Signed notes, c2sp.org/signed-note v1.0.0, Ed25519 only, as Go's golang.org/x/mod/sumdb/note
 * implements them (the interop test checks our notes with note.Open):
 *
 *   <text, ending in "\n">
 *   "\n"
 *   "— " <key name> " " base64(u32be key id || Ed25519 signature) "\n"    one line per signature
 *
 * The signed message is the text's UTF-8 bytes including its final newline, not the blank
 * separator line. The separator is the last empty line of the note, so the text itself may hold
 * empty lines. A note is valid UTF-8 without control characters other than "\n".
 *
 *   key id = u32be(SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[0:4])
 *   vkey   = <key name> "+" <8 lowercase hex key id> "+" base64(0x01 || public key)
 *
 * A verifier knows keys by (name, key id). Signatures by unknown keys are ignored (they are other
 * logs' keys, retired keys, witness cosignatures), every signature by a known key must verify,
 * and at least one must. Key names are non-empty, without Unicode white space or "+".
 */
import * as crypto from 'node:crypto';
import { AuditError } from './errors';
import { bytesEqual, parseBase64, sha256, toBase64 } from './bytes';
import { assertEd25519, publicKeyFromRaw, rawPublicKey } from './keys';

/** Signature type byte of Ed25519 note signatures (signed-note "Signature types"). */
export const NOTE_ED25519 = 0x01;

/** Go's note.Open refuses notes with more; the spec requires accepting at least 16. */
export const MAX_NOTE_SIGNATURES = 100;

const EM_DASH_SPACE = '\u2014 ';
const ED25519_SIGNATURE_SIZE = 64;

/** A key that can sign notes: the key name goes into every signature line. */
export interface NoteSigner {
  readonly name: string;
  /** uint32 key id, see noteKeyId. */
  readonly keyId: number;
  readonly privateKey: crypto.KeyObject;
}

/** A key a verifier trusts, as named by a vkey. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: crypto.KeyObject;
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the 4-byte key id. */
  signature: Uint8Array;
}

export interface ParsedNote {
  /** The signed text, final newline included. */
  text: string;
  signatures: NoteSignature[];
}

export interface OpenedNote {
  text: string;
  /** Signatures by known keys, all verified; one per key. */
  verified: NoteSignature[];
  /** Signatures by keys the verifier does not know, ignored as the spec requires. */
  unverified: NoteSignature[];
}

/** Why a string cannot be a key name, or undefined if it can. */
export function noteKeyNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'must be a non-empty string';
  if (/\p{White_Space}/u.test(name)) return 'must not contain white space';
  if (name.includes('+')) return 'must not contain "+"';
  if (CONTROL.test(name)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(name)) return 'must be valid Unicode';
  return undefined;
}

/** The signed-note key id of an Ed25519 key (a private key is named by its public half). */
export function noteKeyId(name: string, key: crypto.KeyObject): number {
  checkName(name, 'key name');
  return keyIdOf(name, rawPublicKey(key));
}

/** `name+hexid+base64(0x01 || key)`: what a verifier is configured with. */
export function formatVerifierKey(name: string, key: crypto.KeyObject): string {
  checkName(name, 'key name');
  const raw = rawPublicKey(key);
  return `${name}+${hex8(keyIdOf(name, raw))}+${toBase64(typedKey(raw))}`;
}

/**
 * Parses a vkey strictly: valid name, 8 lowercase hex digits that are the key id of the name and
 * key, and the canonical base64 of 0x01 followed by a 32-byte Ed25519 key. INVALID_KEY otherwise.
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  if (typeof vkey !== 'string') throw new AuditError('INVALID_KEY', 'a vkey must be a string');
  // Cut at the first two "+" only, as Go does: base64 has "+" of its own.
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  if (second < 0) {
    throw new AuditError('INVALID_KEY', 'a vkey has three parts: <name>+<hex key id>+<base64 key>');
  }
  const name = vkey.slice(0, first);
  const id = vkey.slice(first + 1, second);
  const key = vkey.slice(second + 1);
  const nameProblem = noteKeyNameProblem(name);
  if (nameProblem) throw new AuditError('INVALID_KEY', `vkey name ${nameProblem}`);
  if (!/^[0-9a-f]{8}$/.test(id)) {
    throw new AuditError('INVALID_KEY', 'vkey key id must be 8 lowercase hex digits');
  }
  const typed = parseBase64(key);
  if (!typed || typed.length === 0) {
    throw new AuditError('INVALID_KEY', 'vkey key must be standard base64');
  }
  if (typed[0] !== NOTE_ED25519) {
    throw new AuditError(
      'INVALID_KEY',
      `vkey signature type 0x${hex2(typed[0] as number)} is not supported (only Ed25519, 0x01)`,
    );
  }
  if (typed.length !== 33) {
    throw new AuditError('INVALID_KEY', 'an Ed25519 vkey holds a 32-byte public key');
  }
  const raw = typed.subarray(1);
  const keyId = Number.parseInt(id, 16);
  if (keyId !== keyIdOf(name, raw)) {
    throw new AuditError('INVALID_KEY', `vkey key id ${id} is not the key id of its name and key`);
  }
  return { name, keyId, publicKey: publicKeyFromRaw(new Uint8Array(raw)) };
}

export function noteSigner(name: string, privateKey: crypto.KeyObject): NoteSigner {
  checkName(name, 'key name');
  assertEd25519(privateKey, 'private');
  return { name, keyId: noteKeyId(name, privateKey), privateKey };
}

export function noteVerifier(name: string, publicKey: crypto.KeyObject): NoteVerifier {
  checkName(name, 'key name');
  assertEd25519(publicKey, 'public');
  return { name, keyId: noteKeyId(name, publicKey), publicKey };
}

/** Why a string cannot be a note text, or undefined if it can. */
export function noteTextProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'must be a string';
  if (!text.endsWith('\n')) return 'must end with a newline';
  if (CONTROL.test(text)) return 'must not contain control characters other than newline';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode';
  return undefined;
}

/** The signed note: the text, a blank line, one signature line per signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  const problem = noteTextProblem(text);
  if (problem) throw new AuditError('MALFORMED_NOTE', `note text ${problem}`);
  if (!Array.isArray(signers) || signers.length === 0) {
    throw new AuditError('INVALID_ARGUMENT', 'a note needs at least one signer');
  }
  if (signers.length > MAX_NOTE_SIGNATURES) {
    throw new AuditError(
      'INVALID_ARGUMENT',
      `a note has at most ${MAX_NOTE_SIGNATURES} signatures`,
    );
  }
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((signer) => {
    checkName(signer.name, 'signer name');
    assertEd25519(signer.privateKey, 'private');
    // Recomputed rather than trusted: a stale keyId would make every verifier ignore the line.
    const keyId = noteKeyId(signer.name, signer.privateKey);
    const signature = crypto.sign(null, message, signer.privateKey);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(keyId);
    return `${EM_DASH_SPACE}${signer.name} ${toBase64(Buffer.concat([id, signature]))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/**
 * Splits a note into text and signature lines without verifying anything. MALFORMED_NOTE for
 * anything Go's note.Open would refuse as malformed, and for non-canonical base64 (which Go
 * tolerates, but no conforming signer produces).
 */
export function parseNote(note: string | Uint8Array): ParsedNote {
  const msg = decodeNote(note);
  if (CONTROL.test(msg)) {
    throw new AuditError('MALFORMED_NOTE', 'note contains control characters other than newline');
  }
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) {
    throw new AuditError('MALFORMED_NOTE', 'note has no blank line before its signatures');
  }
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) {
    throw new AuditError(
      'MALFORMED_NOTE',
      'note must end with signature lines, each ending in a newline',
    );
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) {
    throw new AuditError('MALFORMED_NOTE', `note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const signatures = lines.map((line, i) => parseSignatureLine(line, i + 1));
  return { text, signatures };
}

/**
 * Opens a note with the keys the caller trusts: returns the text once every signature by a known
 * key has verified and at least one did. Throws MALFORMED_NOTE (syntax), BAD_SIGNATURE (a known
 * key's signature fails: the spec says to reject the whole note), UNKNOWN_KEY (no known key signed)
 * and INVALID_KEY (two different trusted keys share a name and key id).
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): OpenedNote {
  const known = verifierMap(verifiers);
  const { text, signatures } = parseNote(note);
  const message = Buffer.from(text, 'utf8');
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of signatures) {
    const id = `${sig.name}+${hex8(sig.keyId)}`;
    const verifier = known.get(id);
    if (!verifier) {
      // Identical unknown lines (a re-appended cosignature) are reported once, as Go does.
      const line = `${id} ${toBase64(sig.signature)}`;
      if (!seen.has(line)) unverified.push(sig);
      seen.add(line);
      continue;
    }
    // Every signature by a known key is checked, repeats included (Go checks only the first):
    // a known key's bad signature rejects the note, as the spec recommends.
    let valid = false;
    try {
      valid =
        sig.signature.length === ED25519_SIGNATURE_SIZE &&
        crypto.verify(null, message, verifier.publicKey, sig.signature);
    } catch {
      valid = false;
    }
    if (!valid) {
      throw new AuditError('BAD_SIGNATURE', `note signature by ${id} does not verify`);
    }
    if (!verified.some((v) => v.name === sig.name && v.keyId === sig.keyId)) verified.push(sig);
  }
  if (verified.length === 0) {
    const names = signatures.slice(0, 5).map((s) => `${s.name}+${hex8(s.keyId)}`);
    if (signatures.length > 5) names.push('...');
    throw new AuditError(
      'UNKNOWN_KEY',
      `note is signed by no known key (signed by: ${names.join(', ')})`,
    );
  }
  return { text, verified, unverified };
}

/** The key id as the 8 lowercase hex digits of vkeys and messages. */
export function formatNoteKeyId(keyId: number): string {
  return hex8(keyId);
}

function parseSignatureLine(line: string, n: number): NoteSignature {
  if (!line.startsWith(EM_DASH_SPACE)) {
    throw new AuditError('MALFORMED_NOTE', `note signature line ${n} must start with "\u2014 "`);
  }
  const rest = line.slice(EM_DASH_SPACE.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const nameProblem = noteKeyNameProblem(name);
  if (nameProblem) {
    throw new AuditError('MALFORMED_NOTE', `note signature line ${n}: key name ${nameProblem}`);
  }
  const bytes = space < 0 ? undefined : parseBase64(rest.slice(space + 1));
  if (!bytes || bytes.length < 5) {
    throw new AuditError(
      'MALFORMED_NOTE',
      `note signature line ${n}: expected "\u2014 <name> <base64 of key id and signature>"`,
    );
  }
  const keyId = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
  return { name, keyId, signature: bytes.slice(4) };
}

function decodeNote(note: string | Uint8Array): string {
  if (typeof note === 'string') {
    if (LONE_SURROGATE.test(note)) {
      throw new AuditError('MALFORMED_NOTE', 'note is not valid Unicode');
    }
    return note;
  }
  if (!(note instanceof Uint8Array)) {
    throw new AuditError('MALFORMED_NOTE', 'a note must be a string or UTF-8 bytes');
  }
  try {
    // ignoreBOM keeps a leading U+FEFF as text, so the signed bytes are exactly those given.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
  } catch {
    throw new AuditError('MALFORMED_NOTE', 'note is not valid UTF-8');
  }
}

function verifierMap(verifiers: readonly NoteVerifier[]): Map<string, NoteVerifier> {
  if (!Array.isArray(verifiers)) {
    throw new AuditError('INVALID_ARGUMENT', 'verifiers must be an array of note verifiers');
  }
  const map = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    if (typeof v !== 'object' || v === null || noteKeyNameProblem(v.name) !== undefined) {
      throw new AuditError(
        'INVALID_ARGUMENT',
        'verifiers must be note verifiers (parseVerifierKey)',
      );
    }
    assertEd25519(v.publicKey, 'public');
    const id = `${v.name}+${hex8(v.keyId)}`;
    const existing = map.get(id);
    if (existing && !bytesEqual(rawPublicKey(existing.publicKey), rawPublicKey(v.publicKey))) {
      // Two keys with one (name, id): the verifier list was tampered with; guessing is unsafe.
      throw new AuditError('INVALID_KEY', `two different trusted keys are named ${id}`);
    }
    map.set(id, v);
  }
  return map;
}

function keyIdOf(name: string, raw: Uint8Array): number {
  const input = Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a]), typedKey(raw)]);
  const digest = sha256(input);
  return Buffer.from(digest.buffer, digest.byteOffset, 4).readUInt32BE(0);
}

function typedKey(raw: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from([NOTE_ED25519]), raw]);
}

function checkName(name: unknown, what: string): asserts name is string {
  const problem = noteKeyNameProblem(name);
  if (problem) throw new AuditError('INVALID_ARGUMENT', `${what} ${problem}`);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
