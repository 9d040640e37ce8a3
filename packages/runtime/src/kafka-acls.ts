import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from 'kafkajs';

/**
 * Vigil's Kafka ACLs are data (deploy/kafka/acls.txt): the local secure broker gets them through
 * kafkajs, and a real cluster gets the same grants as kafka-acls commands printed from the file.
 */

/** deploy/kafka/acls.txt of this checkout (the same path from src/ and from dist/). */
export const ACLS_FILE = path.resolve(__dirname, '../../../deploy/kafka/acls.txt');

const OPERATIONS = ['READ', 'WRITE', 'DESCRIBE', 'DELETE'] as const;
type Operation = (typeof OPERATIONS)[number];
const RESOURCE_TYPES = ['topic', 'group', 'transactional-id'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

/** One line of the file: a principal may do these operations on these resources. */
export interface AclGrant {
  principal: string;
  operations: Operation[];
  resourceType: ResourceType;
  /** The literal name, or the prefix (without the *) when `prefixed`. */
  name: string;
  prefixed: boolean;
  line: number;
}

export class AclFileError extends Error {}

export function parseAcls(text: string, source = 'acls'): AclGrant[] {
  const grants: AclGrant[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const where = `${source}:${index + 1}`;
    const fields = line.split(/\s+/);
    if (fields.length !== 3) {
      throw new AclFileError(`${where}: expected "<principal> <OPERATIONS> <type>:<name>"`);
    }
    const [principal, ops, resource] = fields as [string, string, string];
    if (!/^[a-z][a-z0-9_-]*$/.test(principal)) {
      throw new AclFileError(`${where}: principal "${principal}" is not a lower-case name`);
    }
    const operations = ops.split(',');
    for (const op of operations) {
      if (!(OPERATIONS as readonly string[]).includes(op)) {
        throw new AclFileError(
          `${where}: operation "${op}" is not one of ${OPERATIONS.join(', ')}`,
        );
      }
    }
    const colon = resource.indexOf(':');
    const type = resource.slice(0, colon);
    let name = resource.slice(colon + 1);
    if (colon < 0 || !(RESOURCE_TYPES as readonly string[]).includes(type)) {
      throw new AclFileError(
        `${where}: resource "${resource}" is not <${RESOURCE_TYPES.join('|')}>:<name>`,
      );
    }
    const prefixed = name.endsWith('*');
    if (prefixed) name = name.slice(0, -1);
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
      throw new AclFileError(`${where}: "${resource}" names no resource (a prefix ends in one *)`);
    }
    grants.push({
      principal,
      operations: operations as Operation[],
      resourceType: type as ResourceType,
      name,
      prefixed,
      line: index + 1,
    });
  });
  return grants;
}

export function loadAcls(file = ACLS_FILE): AclGrant[] {
  return parseAcls(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** How a principal of the file is called on a cluster; the local broker uses User:<name>. */
export type PrincipalOf = (principal: string) => string;
export const localPrincipal: PrincipalOf = (principal) => `User:${principal}`;

const RESOURCE_TYPE_CODES: Record<ResourceType, AclResourceTypes> = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  'transactional-id': AclResourceTypes.TRANSACTIONAL_ID,
};

/** The grants as kafkajs ACL entries: one allow entry per operation, from any host. */
export function kafkajsAcls(
  grants: AclGrant[],
  principalOf: PrincipalOf = localPrincipal,
): AclEntry[] {
  return grants.flatMap((grant) =>
    grant.operations.map((operation) => ({
      resourceType: RESOURCE_TYPE_CODES[grant.resourceType],
      resourceName: grant.name,
      resourcePatternType: grant.prefixed
        ? ResourcePatternTypes.PREFIXED
        : ResourcePatternTypes.LITERAL,
      principal: principalOf(grant.principal),
      host: '*',
      operation: AclOperationTypes[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

/** Creates the grants (idempotent: Kafka keeps one copy of an identical ACL). */
export async function applyAcls(
  admin: Admin,
  grants: AclGrant[],
  principalOf: PrincipalOf = localPrincipal,
): Promise<number> {
  const acl = kafkajsAcls(grants, principalOf);
  await admin.createAcls({ acl });
  return acl.length;
}

const TOOL_OPTION: Record<ResourceType, string> = {
  topic: '--topic',
  group: '--group',
  'transactional-id': '--transactional-id',
};
const toolOperation = (op: Operation) => op.charAt(0) + op.slice(1).toLowerCase();

/** The grants as kafka-acls commands for a real cluster, one per line of the file. */
export function kafkaAclsCommands(
  grants: AclGrant[],
  options: { principalOf?: PrincipalOf; bootstrapServer?: string; commandConfig?: string } = {},
): string[] {
  const principalOf = options.principalOf ?? localPrincipal;
  const bootstrap = options.bootstrapServer ?? '"$BOOTSTRAP"';
  const config = options.commandConfig ?? 'admin.properties';
  return grants.map((grant) =>
    [
      `kafka-acls.sh --bootstrap-server ${bootstrap} --command-config ${config} --add`,
      `--allow-principal ${principalOf(grant.principal)}`,
      ...grant.operations.map((op) => `--operation ${toolOperation(op)}`),
      `${TOOL_OPTION[grant.resourceType]} ${grant.name}`,
      ...(grant.prefixed ? ['--resource-pattern-type prefixed'] : []),
    ].join(' '),
  );
}
