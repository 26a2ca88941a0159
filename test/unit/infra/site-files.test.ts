import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import { describe, expect, it } from 'vitest';
import { SiteFiles } from '#infra/constructs/site-files';
import { SHELL_CACHE } from '#infra/constructs/web-hosting';
import { logicalId, TEST_ACCOUNT } from './support/synth.ts';
import { type Props, statementsOfRole } from './support/template.ts';

/** A stack with one SiteFiles uploading one file into a bucket given by name and ARN. */
function siteFiles(encrypted: boolean) {
  const stack = new Stack(new App(), 'Site', { env: { account: TEST_ACCOUNT, region: 'ap-southeast-1' } });
  const key = encrypted ? new Key(stack, 'Key') : undefined;
  const files = new SiteFiles(stack, 'Files', {
    bucketName: 'site',
    bucketArn: 'arn:aws:s3:::site',
    encryptionKey: key,
    logRetentionDays: 30,
  });
  files.upload('One', {
    sources: [Source.jsonData('one.json', { one: 1 })],
    keyPrefix: 'config/',
    files: ['one.json'],
    prune: false,
    cacheControl: SHELL_CACHE,
  });
  const template = Template.fromStack(stack);
  const statements = statementsOfRole(template, logicalId(files.role.node.defaultChild as CfnElement));
  return { stack, key, statements };
}

const kms = (statements: Props[]) =>
  statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:')));

describe('Construct: SiteFiles', () => {
  describe('Method: upload', () => {
    it("uses a KMS-encrypted bucket's key only through S3, to encrypt and to read back multipart uploads", () => {
      const { key, statements } = siteFiles(true);
      expect(kms(statements)).toEqual([
        {
          Effect: 'Allow',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: { 'Fn::GetAtt': [logicalId(key?.node.defaultChild as CfnElement), 'Arn'] },
          Condition: { StringEquals: { 'kms:ViaService': 's3.ap-southeast-1.amazonaws.com' } },
        },
      ]);
    });

    it('asks for no key when the bucket has none', () => {
      expect(kms(siteFiles(false).statements)).toEqual([]);
    });

    it('refuses an upload of a whole prefix that does not say why (cdk-nag needs the reason)', () => {
      const stack = new Stack(new App(), 'Site');
      const files = new SiteFiles(stack, 'Files', {
        bucketName: 'site',
        bucketArn: 'arn:aws:s3:::site',
        logRetentionDays: 30,
      });
      expect(() =>
        files.upload('All', {
          sources: [Source.jsonData('one.json', { one: 1 })],
          keyPrefix: '',
          prune: true,
          cacheControl: SHELL_CACHE,
        }),
      ).toThrow(/writes \* and says not why/);
    });
  });
});
