import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localKafkaClientEnv } from '../src/stack/kafka-principals';

describe('the local stack’s Kafka principals', () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-principals-'));
  const saved = process.env.VIGIL_STATE_DIR;
  beforeAll(() => {
    process.env.VIGIL_STATE_DIR = stateDir;
    const secrets = path.join(stateDir, 'secrets', 'kafka');
    fs.mkdirSync(secrets, { recursive: true });
    // As deploy/local/kafka-secure.sh writes it.
    fs.writeFileSync(
      path.join(secrets, 'sealer.env'),
      [
        '# Kafka client settings of principal User:sealer',
        'KAFKA_SECURITY_PROTOCOL=SASL_SSL',
        'KAFKA_SASL_MECHANISM=SCRAM-SHA-512',
        'KAFKA_SASL_USERNAME=sealer',
        `KAFKA_SASL_PASSWORD_FILE=${secrets}/sealer.password`,
        `KAFKA_TLS_CA_FILE=${secrets}/ca.pem`,
        '',
      ].join('\n'),
    );
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.VIGIL_STATE_DIR;
    else process.env.VIGIL_STATE_DIR = saved;
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('gives a service its own principal in secure mode, every variable set', () => {
    const secrets = path.join(stateDir, 'secrets', 'kafka');
    expect(localKafkaClientEnv('sealer', { VIGIL_KAFKA_SECURE: '1' })).toEqual({
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'sealer',
      KAFKA_SASL_PASSWORD: '',
      KAFKA_SASL_PASSWORD_FILE: `${secrets}/sealer.password`,
      KAFKA_TLS_CA_FILE: `${secrets}/ca.pem`,
      KAFKA_TLS_CERT_FILE: '',
      KAFKA_TLS_KEY_FILE: '',
      KAFKA_TLS_SERVERNAME: '',
    });
  });

  it('leaves the caller’s own settings alone otherwise (an external cluster)', () => {
    expect(localKafkaClientEnv('sealer', {})).toEqual({});
    expect(localKafkaClientEnv('sealer', { VIGIL_KAFKA_SECURE: '0' })).toEqual({});
  });

  it('says how to get the credentials when the broker was not started in secure mode', () => {
    expect(() => localKafkaClientEnv('ingest', { VIGIL_KAFKA_SECURE: '1' })).toThrow(
      /ingest\.env does not exist: start the local broker in secure mode first \(VIGIL_KAFKA_SECURE=1 \.\/dev up\)/,
    );
  });
});
