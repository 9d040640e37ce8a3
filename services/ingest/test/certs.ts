/** Throwaway certificates for TLS tests, made with the openssl CLI in a temporary directory. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  /** A client certificate per name (CN), signed by the CA. */
  client(cn: string): { cert: string; key: string };
  /** A client certificate signed by a CA the server does not trust. */
  strangerClient(): { cert: string; key: string };
  remove(): void;
}

export function createTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-ingest-pki-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  const makeCa = (name: string) =>
    openssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    );
  const sign = (name: string, cn: string, ca: string, extensions: string) => {
    fs.writeFileSync(file(`${name}.ext`), `${extensions}\n`);
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.crt`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
    return { cert: file(`${name}.crt`), key: file(`${name}.key`) };
  };

  makeCa('ca');
  const server = sign('server', 'localhost', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  return {
    dir,
    caCert: file('ca.crt'),
    serverCert: server.cert,
    serverKey: server.key,
    client: (cn) => sign(`client-${cn}`, cn, 'ca', 'extendedKeyUsage=clientAuth'),
    strangerClient: () => {
      if (!fs.existsSync(file('stranger-ca.crt'))) makeCa('stranger-ca');
      return sign('stranger', 'gateway', 'stranger-ca', 'extendedKeyUsage=clientAuth');
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
