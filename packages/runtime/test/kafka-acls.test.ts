import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import { AclFileError, kafkaAclsCommands, kafkajsAcls, loadAcls, parseAcls } from '../src';

describe('the Kafka ACL file', () => {
  it('parses literal and prefixed grants with several operations', () => {
    const grants = parseAcls(
      '# comment\n\ningest WRITE,READ topic:access-events  # trailing\nsealer WRITE transactional-id:vigil-sealer-*\n',
    );
    expect(grants).toEqual([
      {
        principal: 'ingest',
        operations: ['WRITE', 'READ'],
        resourceType: 'topic',
        name: 'access-events',
        prefixed: false,
        line: 3,
      },
      {
        principal: 'sealer',
        operations: ['WRITE'],
        resourceType: 'transactional-id',
        name: 'vigil-sealer-',
        prefixed: true,
        line: 4,
      },
    ]);
    expect(kafkajsAcls(grants.slice(1))).toEqual([
      {
        resourceType: AclResourceTypes.TRANSACTIONAL_ID,
        resourceName: 'vigil-sealer-',
        resourcePatternType: ResourcePatternTypes.PREFIXED,
        principal: 'User:sealer',
        host: '*',
        operation: AclOperationTypes.WRITE,
        permissionType: AclPermissionTypes.ALLOW,
      },
    ]);
  });

  it.each([
    ['ingest WRITE', 'acls:1: expected "<principal> <OPERATIONS> <type>:<name>"'],
    ['ingest ALL topic:x', 'acls:1: operation "ALL" is not one of READ, WRITE, DESCRIBE, DELETE'],
    ['ingest READ cluster:kafka-cluster', 'acls:1: resource "cluster:kafka-cluster" is not'],
    ['ingest READ topic:*', 'acls:1: "topic:*" names no resource'],
    ['User:ingest READ topic:x', 'acls:1: principal "User:ingest" is not a lower-case name'],
  ])('refuses %j naming the line', (line, message) => {
    expect(() => parseAcls(line)).toThrow(AclFileError);
    expect(() => parseAcls(line)).toThrow(message);
  });

  it('prints kafka-acls commands for a real cluster, with its principals', () => {
    const commands = kafkaAclsCommands(
      parseAcls('sealer READ,DELETE group:vigil-reader-*\nrisk WRITE topic:risk-admin'),
      {
        principalOf: (name) => (name === 'sealer' ? 'User:CN=vigil-sealer' : `User:${name}`),
        bootstrapServer: 'kafka:9093',
      },
    );
    expect(commands).toEqual([
      'kafka-acls.sh --bootstrap-server kafka:9093 --command-config admin.properties --add --allow-principal User:CN=vigil-sealer --operation Read --operation Delete --group vigil-reader- --resource-pattern-type prefixed',
      'kafka-acls.sh --bootstrap-server kafka:9093 --command-config admin.properties --add --allow-principal User:risk --operation Write --topic risk-admin',
    ]);
  });

  it('grants write on each audit topic to exactly one principal (deploy/kafka/acls.txt)', () => {
    const writers = new Map<string, string[]>();
    for (const grant of loadAcls()) {
      if (grant.resourceType === 'topic' && grant.operations.includes('WRITE')) {
        writers.set(grant.name, [...(writers.get(grant.name) ?? []), grant.principal]);
      }
    }
    expect(Object.fromEntries(writers)).toEqual({
      'access-events': ['ingest'],
      'authz-decisions': ['risk'],
      'risk-admin': ['risk'],
      'sealed-roots': ['sealer'],
    });
    const auditor = loadAcls().filter((g) => g.principal === 'auditor');
    expect(auditor.flatMap((g) => g.operations).filter((op) => op !== 'READ')).toEqual(['DELETE']);
    expect(auditor.filter((g) => g.operations.includes('DELETE'))).toEqual([
      expect.objectContaining({ resourceType: 'group', name: 'vigil-reader-', prefixed: true }),
    ]);
  });
});
