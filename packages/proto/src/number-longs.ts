/**
 * Makes protobufjs decode 64-bit integers as JS numbers instead of Long objects.
 *
 * The generated types say `number` (pbjs --force-number), but the decoder returns Long whenever
 * the `long` package is loadable, so without this the types would lie. Every int64 in vigil.v1
 * (offsets, sequences, epoch seconds) is far below 2^53. This must run before the generated
 * module is loaded, because that module bakes its field defaults at load time.
 */
import * as protobuf from 'protobufjs/minimal';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
