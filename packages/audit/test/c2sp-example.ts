/**
 * The worked example of packages/audit/README.md ("Partition logs and C2SP checkpoints"): six
 * records of access-events partition 3 (offsets 1200-1205, values {"event":<offset>}), signed with
 * the RFC 8032 §7.1 test-1 key, whose private key is public. Tests check the library still
 * produces exactly these bytes (format stability) and that Go accepts them.
 */
import { createPrivateKey } from 'node:crypto';
import { encodeLeafData, leafHash } from '../src';

export const EXAMPLE_KEY = createPrivateKey({
  key: Buffer.from(
    '302e020100300506032b657004220420' +
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    'hex',
  ),
  format: 'der',
  type: 'pkcs8',
});

export const EXAMPLE_LOG_NAME = 'vigil.example.com/audit';
export const EXAMPLE_ORIGIN = 'vigil.example.com/audit/access-events/3';
export const EXAMPLE_VKEY =
  'vigil.example.com/audit/access-events/3+fe8fdb57+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea';

export const exampleValue = (offset: number): Uint8Array =>
  new Uint8Array(Buffer.from(`{"event":${offset}}`));

export const EXAMPLE_LEAVES = [1200, 1201, 1202, 1203, 1204, 1205].map((offset) =>
  leafHash(encodeLeafData({ topic: 'access-events', partition: 3, offset }, exampleValue(offset))),
);

export const EXAMPLE_CHECKPOINT_5 = `vigil.example.com/audit/access-events/3
5
fuxvxtEAkSXusVKZuuztRASDgQfxLJGB7Pot8p+yM7Y=

— vigil.example.com/audit/access-events/3 /o/bV5sqKFMVpzpVz2tII8pGPCmIR5ivMmxWhhVaz/6s346sbG72ElxFatN5DapQv/wTXnHL7MQ5OCPzFksXqgdQoww=
`;

export const EXAMPLE_CHECKPOINT_6 = `vigil.example.com/audit/access-events/3
6
vUTleTWQrrZr42Nm2d4JXZ8eTsmLeaQnIpjRVm601Cc=

— vigil.example.com/audit/access-events/3 /o/bV6MDm0kvcsZcH411YhzMYzauAmjvbn3PHeq0IWEHHXXAKK6HUroqkSA5AacK4dB+MFIFZkdzgwrg5X/rr/spKQs=
`;

/** Consistency proof from size 5 to size 6, as tlog-witness proof lines. */
export const EXAMPLE_CONSISTENCY_5_6 = `RRUqj1OK9QS0AMuO5voysA9BVLpBl+4AVycPBlRQ7rY=
hxRswKtu2+85hmpklH4I28kVcQTi+8xqaFhDAwOiNHM=
US4eC2p5UkVXCs0sztjNUPC5vidTM1BZb60S1DXirc8=
`;

/** The tlog proof of the record at offset 1202 (leaf 2) in the tree of size 6. */
export const EXAMPLE_TLOG_PROOF = `c2sp.org/tlog-proof@v1
extra dmlnaWwubGVhZi52MQAADWFjY2Vzcy1ldmVudHMAAAADAAAAAAAABLIAAAAOeyJldmVudCI6MTIwMn0=
index 2
plM5enRgtBa849RhliuCiANz8D4V+yun2c2ll0/BBn4=
oypTDY25C8ODIMGAAdZf0Bwykbnlu/MKNowx5XtNoXc=
JFJvRjEFAQFJd5Md0goYA3bZkiMFlWolAJehPS76l04=

${EXAMPLE_CHECKPOINT_6}`;

/** The frontier of the tree of size 6 (binary 110): MTH(D[0:4]), MTH(D[4:6]). */
export const EXAMPLE_FRONTIER_6 = [
  'US4eC2p5UkVXCs0sztjNUPC5vidTM1BZb60S1DXirc8=',
  'JFJvRjEFAQFJd5Md0goYA3bZkiMFlWolAJehPS76l04=',
];
