import { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { District } from '#domain/catalogue/units';

export interface DataKeysProps {
  readonly prefix: string;
  /** Every district of the unit configuration, whatever the synth selects: a key is never dropped. */
  readonly districts: readonly District[];
}

/**
 * The customer-managed KMS keys: one for the city's data (city table, alarm topic) and one per
 * district (its table, scans, queues), so a district's data can be audited, rotated or cut off on
 * its own. Rotated yearly and retained: deleting a key destroys the data it encrypts.
 */
export class DataKeys extends Construct {
  readonly city: Key;
  private readonly byDistrict = new Map<string, Key>();

  constructor(scope: Construct, id: string, props: DataKeysProps) {
    super(scope, id);
    this.city = this.key('City', `${props.prefix}/city`, 'city table and alarm topic');
    for (const district of props.districts) {
      this.byDistrict.set(
        district.id,
        this.key(
          `District-${district.id}`,
          `${props.prefix}/district/${district.id}`,
          `${district.name}: dossiers and scans`,
        ),
      );
    }
  }

  /** The key of one district's data. */
  district(districtId: string): Key {
    const key = this.byDistrict.get(districtId);
    if (!key) throw new Error(`no KMS key for district '${districtId}'`);
    return key;
  }

  /** Every district key, for exporting. */
  get districtKeys(): readonly Key[] {
    return [...this.byDistrict.values()];
  }

  private key(id: string, alias: string, purpose: string): Key {
    return new Key(this, id, {
      alias: `alias/${alias}`,
      description: `Một Cửa Điện Tử: ${purpose}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
