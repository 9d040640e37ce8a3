/**
 * @vigil/audit: verification of Vigil's sealed log. Pure functions over bytes and keys, no I/O:
 * the sealer and the CLI read and write Kafka, this package decides what is true.
 */
export { AuditError, isAuditError, type AuditErrorCode } from './errors';
export {
  HASH_SIZE,
  SIGNATURE_SIZE,
  bytesEqual,
  toHex,
  parseHex,
  toBase64,
  parseBase64,
} from './bytes';
export {
  ZERO_HASH,
  EMPTY_ROOT_HASH,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  treeLevels,
  MerkleAccumulator,
} from './merkle';
export {
  type TreeIndex,
  inclusionProof,
  verifyInclusion,
  consistencyProof,
  verifyConsistency,
} from './proofs';
export {
  LEAF_DOMAIN_TAG,
  SEALED_ROOT_DOMAIN_TAG,
  type RecordPosition,
  type DecodedLeaf,
  encodeLeafData,
  decodeLeafData,
  canonicalRootBytes,
  sealedRootHash,
} from './encoding';
export {
  SEALED_ROOT_VERSION,
  SEALED_ROOT_VERSION_LOG,
  SEALED_ROOT_VERSIONS,
  type UnsignedSealedRoot,
  type SealedRootRecord,
  type SealedRootLog,
} from './root';
export {
  type LogState,
  type LogProblem,
  type LogProblemKind,
  extendLog,
  logInvariantProblem,
  rootOrigin,
  verifyLogStep,
  verifyLogStepLeaves,
  LogVerifier,
  consistencyProofFromFrontier,
} from './log';
export {
  toProtoSealedRoot,
  fromProtoSealedRoot,
  encodeSealedRoot,
  decodeSealedRoot,
} from './proto';
export {
  KEY_ID_PREFIX,
  keyIdFor,
  rawPublicKey,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFromRaw,
  publicKeyToPem,
} from './keys';
export { Keyring } from './keyring';
export { signRoot, verifyRootSignature, type RootSignatureVerification } from './signing';
export {
  verifyChain,
  type ChainProblem,
  type ChainProblemKind,
  type VerifyChainOptions,
} from './chain';
export {
  verifyBatch,
  BatchVerifier,
  findUnsealed,
  CoverageSweep,
  leafHashesForRecords,
  type BatchRecord,
  type BatchProblem,
  type BatchProblemKind,
  type CoverageProblem,
} from './batch';
export {
  PartitionVerifier,
  type PartitionVerifierOptions,
  type PartitionSummary,
  type AbortedRoot,
  type Finding,
  type StoredRecord,
} from './partition-verifier';
export {
  SealedLogVerifier,
  verifySealedLog,
  type VerifyReport,
  type VerifyInput,
  type SealedRootsInput,
  type LoadedRoot,
  type UnreadableRoot,
} from './verify-report';
export {
  type SealedRootJson,
  sealedRootToJson,
  sealedRootFromJson,
  formatRfc3339,
  parseSealedAt,
} from './json';
export {
  PROOF_BUNDLE_FORMAT,
  type ProofBundle,
  type BuildProofBundleArgs,
  type ParsedProofBundle,
  type ProvenRecord,
  type BundleFailureCode,
  type BundleVerification,
  buildProofBundle,
  parseProofBundle,
  verifyProofBundle,
} from './bundle';
export {
  type LeafRange,
  inclusionProofRanges,
  consistencyProofRanges,
  StreamingProof,
} from './streaming-proof';
export {
  NOTE_ED25519,
  MAX_NOTE_SIGNATURES,
  type NoteSigner,
  type NoteVerifier,
  type NoteSignature,
  type ParsedNote,
  type OpenedNote,
  noteKeyNameProblem,
  noteKeyId,
  formatNoteKeyId,
  formatVerifierKey,
  parseVerifierKey,
  noteSigner,
  noteVerifier,
  noteTextProblem,
  signNote,
  parseNote,
  openNote,
} from './note';
export {
  type Checkpoint,
  type OpenedCheckpoint,
  type VigilOrigin,
  type CheckpointConsistency,
  type CheckpointConsistencyCode,
  logNameProblem,
  checkpointOrigin,
  parseVigilOrigin,
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  openCheckpoint,
  verifyCheckpointConsistency,
  verifyCheckpointInclusion,
} from './checkpoint';
export {
  MAX_PROOF_LINES,
  type AddCheckpointRequest,
  formatProofLines,
  parseProofLines,
  formatAddCheckpoint,
  parseAddCheckpoint,
} from './proof-lines';
export {
  TLOG_PROOF_HEADER,
  type TlogProof,
  type TlogProofFailureCode,
  type TlogProofVerification,
  type BuildRecordTlogProofArgs,
  type RecordTlogProofVerification,
  formatTlogProof,
  parseTlogProof,
  verifyTlogProof,
  buildRecordTlogProof,
  verifyRecordTlogProof,
} from './tlog-proof';
export {
  WATCH_STATE_VERSION,
  type StoredCheckpoint,
  type WatchState,
  type WatchFindingCode,
  type WatchFinding,
  type LogObservation,
  emptyWatchState,
  parseWatchState,
  watchLog,
} from './log-watch';
