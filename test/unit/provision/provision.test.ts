import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
  DescribeEndpointCommand,
  DescribeThingCommand,
  IoTClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-iot';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../../edge-agent/src/provision/cli.ts';
import { ProvisionOptions } from '../../../edge-agent/src/provision/options.ts';
import { ProvisionError, provisionAgent } from '../../../edge-agent/src/provision/provision.ts';
import { loadSettings } from '../../../edge-agent/src/settings.ts';

const iot = mockClient(IoTClient);
const CA =
  '-----BEGIN CERTIFICATE-----\nMIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjANBgkqhkiG9w0BAQsF\n-----END CERTIFICATE-----\n';
const CERT_ARN = 'arn:aws:iot:ap-southeast-1:123456789012:cert/4f2a';
const ENDPOINT = 'a1b2c3d4e5f6g7-ats.iot.ap-southeast-1.amazonaws.com';

let dir: string;
let options: ProvisionOptions;

beforeEach(async () => {
  iot.reset();
  dir = await mkdtemp(join(tmpdir(), 'motcua-provision-'));
  await writeFile(join(dir, 'ca.pem'), CA);
  options = ProvisionOptions.parse({
    wardId: 'hai-chau-i',
    outDir: join(dir, 'out'),
    caPath: join(dir, 'ca.pem'),
  });
  iot.on(DescribeEndpointCommand).resolves({ endpointAddress: ENDPOINT });
  iot
    .on(DescribeThingCommand)
    .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
  iot.on(CreateThingCommand).resolves({ thingName: 'motcua-hai-chau-i' });
  iot.on(CreateKeysAndCertificateCommand).resolves({
    certificateArn: CERT_ARN,
    certificateId: '4f2a',
    certificatePem: '-----BEGIN CERTIFICATE-----\nagent\n-----END CERTIFICATE-----\n',
    keyPair: {
      PrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nsecret\n-----END RSA PRIVATE KEY-----\n',
      PublicKey: 'pub',
    },
  });
  iot.on(AttachPolicyCommand).resolves({});
  iot.on(AttachThingPrincipalCommand).resolves({});
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const calls = () => iot.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name);
const inputOf = <T>(command: new (...args: never[]) => { input: T }) =>
  iot.commandCalls(command as never)[0]?.args[0].input;

describe('Function: provisionAgent', () => {
  it('registers the thing, makes an active certificate, attaches the policy and the thing, with these arguments', async () => {
    const result = await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' }));
    expect(calls()).toEqual([
      'DescribeEndpointCommand',
      'DescribeThingCommand',
      'CreateThingCommand',
      'CreateKeysAndCertificateCommand',
      'AttachPolicyCommand',
      'AttachThingPrincipalCommand',
    ]);
    expect(inputOf(DescribeEndpointCommand)).toEqual({ endpointType: 'iot:Data-ATS' });
    expect(inputOf(DescribeThingCommand)).toEqual({ thingName: 'motcua-hai-chau-i' });
    expect(inputOf(CreateThingCommand)).toEqual({
      thingName: 'motcua-hai-chau-i',
      thingTypeName: 'motcua-ward-agent',
      attributePayload: { attributes: { district: 'hai-chau', ward: 'hai-chau-i' } },
    });
    expect(inputOf(CreateKeysAndCertificateCommand)).toEqual({ setAsActive: true });
    expect(inputOf(AttachPolicyCommand)).toEqual({ policyName: 'motcua-ward-agent', target: CERT_ARN });
    expect(inputOf(AttachThingPrincipalCommand)).toEqual({
      thingName: 'motcua-hai-chau-i',
      principal: CERT_ARN,
    });
    expect(result).toMatchObject({
      thingName: 'motcua-hai-chau-i',
      thingCreated: true,
      certificateId: '4f2a',
      endpoint: `${ENDPOINT}:8883`,
    });
  });

  it('writes the key owner-only, the certificate, the CA and an agent.json the agent accepts', async () => {
    await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' }));
    const out = options.outDir;
    const mode = async (name: string) => (await stat(join(out, name))).mode & 0o777;
    expect(await mode('private.pem.key')).toBe(0o600);
    expect(await mode('certificate.pem.crt')).toBe(0o644);
    expect(await readFile(join(out, 'private.pem.key'), 'utf8')).toContain('secret');
    expect(await readFile(join(out, 'certificate.pem.crt'), 'utf8')).toContain('agent');
    expect(await readFile(join(out, 'AmazonRootCA1.pem'), 'utf8')).toBe(CA);
    const raw = JSON.parse(await readFile(join(out, 'agent.json'), 'utf8'));
    expect(raw).toMatchObject({
      wardId: 'hai-chau-i',
      districtId: 'hai-chau',
      iot: {
        endpoint: `${ENDPOINT}:8883`,
        certPath: 'certificate.pem.crt',
        keyPath: 'private.pem.key',
        caPath: 'AmazonRootCA1.pem',
      },
      dataDir: 'data',
      printer: { kind: 'none' },
      ledBoards: { kind: 'none' },
    });
    // The agent's own loader resolves the relative paths next to the file.
    const settings = loadSettings(join(out, 'agent.json'));
    expect(settings.iot.keyPath).toBe(join(out, 'private.pem.key'));
    expect(settings.dataDir).toBe(join(out, 'data'));
  });

  it('reuses a thing that exists with the right type and attributes', async () => {
    iot.on(DescribeThingCommand).resolves({
      thingName: 'motcua-hai-chau-i',
      thingTypeName: 'motcua-ward-agent',
      attributes: { district: 'hai-chau', ward: 'hai-chau-i' },
    });
    const result = await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' }));
    expect(result.thingCreated).toBe(false);
    expect(calls()).not.toContain('CreateThingCommand');
    expect(calls()).toContain('AttachThingPrincipalCommand');
  });

  it('stops before creating anything when the existing thing would not pass the policy', async () => {
    iot.on(DescribeThingCommand).resolves({ thingName: 'motcua-hai-chau-i', attributes: {} });
    const error = await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' })).catch((e) => e);
    expect(error).toBeInstanceOf(ProvisionError);
    expect(error.created).toEqual([]);
    expect(error.message).toMatch(
      /aws iot update-thing --thing-name motcua-hai-chau-i --thing-type-name motcua-ward-agent/,
    );
    expect(calls()).toEqual(['DescribeEndpointCommand', 'DescribeThingCommand']);
  });

  it('refuses to overwrite an earlier run’s files without --force, before any AWS call', async () => {
    await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' }));
    iot.resetHistory();
    await expect(provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' }))).rejects.toThrow(
      /use --force/,
    );
    expect(calls()).toEqual([]);
    await expect(
      provisionAgent({ ...options, force: true }, new IoTClient({ region: 'ap-southeast-1' })),
    ).resolves.toMatchObject({
      certificateId: '4f2a',
    });
    expect((await stat(join(options.outDir, 'private.pem.key'))).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown ward and a CA that is not a certificate without calling AWS', async () => {
    await expect(provisionAgent({ ...options, wardId: 'nowhere' }, new IoTClient({}))).rejects.toThrow(
      /unknown ward 'nowhere'/,
    );
    await writeFile(join(dir, 'ca.pem'), 'not a pem');
    await expect(provisionAgent(options, new IoTClient({}))).rejects.toThrow(/not a PEM certificate/);
    expect(calls()).toEqual([]);
  });

  it('reports what it created, newest first with its clean-up, when a step fails half-way', async () => {
    iot.on(AttachThingPrincipalCommand).rejects(new Error('AccessDeniedException: not authorized'));
    const error = (await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' })).catch(
      (e) => e,
    )) as ProvisionError;
    expect(error).toBeInstanceOf(ProvisionError);
    expect(error.step).toBe('AttachThingPrincipal');
    expect(error.created.map((c) => c.what)).toEqual([
      'policy motcua-ward-agent attached to the certificate',
      'certificate 4f2a (active; its private key was not saved)',
      'thing motcua-hai-chau-i',
    ]);
    expect(error.created.map((c) => c.undo)).toEqual([
      `aws iot detach-policy --policy-name motcua-ward-agent --target ${CERT_ARN} --region ap-southeast-1`,
      'aws iot update-certificate --certificate-id 4f2a --new-status INACTIVE --region ap-southeast-1 && aws iot delete-certificate --certificate-id 4f2a --region ap-southeast-1',
      'aws iot delete-thing --thing-name motcua-hai-chau-i --region ap-southeast-1',
    ]);
    await expect(stat(options.outDir)).rejects.toThrow(/ENOENT/);
    const text = failure(error, 'hai-chau-i');
    expect(text).toContain('failed at AttachThingPrincipal: AccessDeniedException: not authorized');
    expect(text).toContain('Created before the failure (not rolled back):');
    expect(text).toContain('aws iot delete-thing --thing-name motcua-hai-chau-i');
  });

  it('says nothing was created when the first call fails', async () => {
    iot
      .on(DescribeEndpointCommand)
      .rejects(new Error('getaddrinfo ENOTFOUND iot.ap-southeast-1.amazonaws.com'));
    const error = await provisionAgent(options, new IoTClient({ region: 'ap-southeast-1' })).catch((e) => e);
    expect(failure(error, 'hai-chau-i')).toContain('Nothing was created in AWS and no file was written.');
  });
});
