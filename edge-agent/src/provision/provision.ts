import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
  DescribeEndpointCommand,
  DescribeThingCommand,
  IoTClient,
} from '@aws-sdk/client-iot';
import { findWard } from '#domain/catalogue/units';
import { thingName } from '../settings.ts';
import { agentSettings, existingAgentFiles, readCa, writeAgentFiles } from './agent-files.ts';
import type { ProvisionOptions } from './options.ts';

/** Something this run made, and the command that undoes it. */
export interface Created {
  readonly what: string;
  readonly undo: string;
}

/**
 * A run that stopped. `created` lists what exists because of it, newest first, each with the
 * command that removes it: nothing is rolled back automatically (see provisionAgent).
 */
export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(
    readonly step: string,
    readonly created: readonly Created[],
    options: ErrorOptions,
  ) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${step}: ${cause}`, options);
  }
}

export interface ProvisionResult {
  readonly thingName: string;
  /** False when the thing was there already (a re-run, or a certificate rotation). */
  readonly thingCreated: boolean;
  readonly certificateId: string;
  readonly certificateArn: string;
  /** `host:8883` as written into agent.json. */
  readonly endpoint: string;
  readonly files: readonly string[];
}

/**
 * Registers a ward's agent in AWS IoT and writes what the mini-PC needs. Everything that can be
 * checked without creating anything comes first (the ward, the folder, the CA, the account's
 * endpoint, an existing thing's type and attributes), so the usual mistakes cost nothing. Then:
 * the thing (kept if it exists and fits), a new active certificate and key, the agent policy on
 * the certificate, the certificate on the thing, and the files.
 *
 * A failure after that is reported, not rolled back: what breaks a run half-way (network,
 * permissions) usually breaks the clean-up calls too, and a certificate can only be deleted after
 * being detached and deactivated, three more calls to fail. The error lists each thing made with
 * the command that removes it. A half-made certificate cannot connect: the policy requires it to
 * be attached to the thing, and its key is only written at the end. A re-run is safe: the thing
 * is reused.
 */
export async function provisionAgent(
  options: ProvisionOptions,
  iot: IoTClient = new IoTClient({ region: options.region }),
): Promise<ProvisionResult> {
  const created: Created[] = [];
  const region = `--region ${options.region}`;
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new ProvisionError(name, [...created].reverse(), { cause: error });
    }
  };

  const ward = await step('checking the ward', async () => {
    const found = findWard(options.wardId);
    if (!found) throw new Error(`unknown ward '${options.wardId}' (see functions/config/units.json)`);
    return found;
  });
  const name = thingName(ward.id);
  await step('checking the output folder', async () => {
    const existing = options.force ? [] : await existingAgentFiles(options.outDir);
    if (existing.length > 0)
      throw new Error(`${existing.join(', ')} exist already; use --force to replace them`);
  });
  await step('reading the CA', () => readCa(options.caPath));
  const endpointHost = await step('DescribeEndpoint', async () => {
    const out = await iot.send(new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }));
    if (!out.endpointAddress) throw new Error('IoT returned no endpoint address');
    return out.endpointAddress;
  });
  const settings = await step('building agent.json', async () => agentSettings(ward.id, endpointHost));
  const attributes = { district: ward.districtId, ward: ward.id };

  const existing = await step('DescribeThing', () => describeThing(iot, name));
  if (existing) {
    await step('checking the existing thing', async () => {
      const fits =
        existing.thingTypeName === options.thingTypeName &&
        existing.attributes?.district === attributes.district &&
        existing.attributes?.ward === attributes.ward;
      if (fits) return;
      throw new Error(
        `thing ${name} exists with type ${existing.thingTypeName ?? '(none)'} and attributes ${JSON.stringify(existing.attributes ?? {})}; ` +
          `the agent policy needs type ${options.thingTypeName} and ${JSON.stringify(attributes)} ` +
          `(aws iot update-thing --thing-name ${name} --thing-type-name ${options.thingTypeName} ` +
          `--attribute-payload '${JSON.stringify({ attributes })}' ${region})`,
      );
    });
  } else {
    await step('CreateThing', () =>
      iot.send(
        new CreateThingCommand({
          thingName: name,
          thingTypeName: options.thingTypeName,
          attributePayload: { attributes },
        }),
      ),
    );
    created.push({ what: `thing ${name}`, undo: `aws iot delete-thing --thing-name ${name} ${region}` });
  }

  const certificate = await step('CreateKeysAndCertificate', async () => {
    const out = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    const { certificateArn, certificateId, certificatePem, keyPair } = out;
    if (!certificateArn || !certificateId || !certificatePem || !keyPair?.PrivateKey) {
      throw new Error('IoT returned an incomplete certificate');
    }
    return { arn: certificateArn, id: certificateId, pem: certificatePem, privateKey: keyPair.PrivateKey };
  });
  created.push({
    what: `certificate ${certificate.id} (active; its private key was not saved)`,
    undo:
      `aws iot update-certificate --certificate-id ${certificate.id} --new-status INACTIVE ${region} && ` +
      `aws iot delete-certificate --certificate-id ${certificate.id} ${region}`,
  });

  await step('AttachPolicy', () =>
    iot.send(new AttachPolicyCommand({ policyName: options.policyName, target: certificate.arn })),
  );
  created.push({
    what: `policy ${options.policyName} attached to the certificate`,
    undo: `aws iot detach-policy --policy-name ${options.policyName} --target ${certificate.arn} ${region}`,
  });

  await step('AttachThingPrincipal', () =>
    iot.send(new AttachThingPrincipalCommand({ thingName: name, principal: certificate.arn })),
  );
  created.push({
    what: `certificate attached to thing ${name}`,
    undo: `aws iot detach-thing-principal --thing-name ${name} --principal ${certificate.arn} ${region}`,
  });

  const files = await step('writing the files', () =>
    writeAgentFiles(options.outDir, {
      certificatePem: certificate.pem,
      privateKey: certificate.privateKey,
      caPath: options.caPath,
      settings,
    }),
  );
  return {
    thingName: name,
    thingCreated: !existing,
    certificateId: certificate.id,
    certificateArn: certificate.arn,
    endpoint: settings.iot.endpoint,
    files,
  };
}

async function describeThing(iot: IoTClient, name: string) {
  try {
    return await iot.send(new DescribeThingCommand({ thingName: name }));
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}
