import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIMS, type Role } from '#domain/auth/principal';
import { acknowledge } from './nag.ts';

/** Group descriptions, one per role: a Record so a new role cannot be forgotten here. */
const ROLE_GROUPS: Readonly<Record<Role, string>> = {
  clerk: 'Công chức tiếp nhận và trả kết quả (counter clerk)',
  specialist: 'Bộ phận chuyên môn (specialist)',
  leader: 'Lãnh đạo UBND phường, xã (ward leader)',
  ward_admin: 'Quản trị phường, xã (ward administrator)',
  district_official: 'Cán bộ quận, huyện (district official)',
  city_official: 'Cán bộ thành phố (city official)',
};

/** Custom attribute names without Cognito's `custom:` prefix, from the claims the functions read. */
export const WARD_ATTRIBUTE = CLAIMS.ward.replace(/^custom:/, '');
export const DISTRICT_ATTRIBUTE = CLAIMS.district.replace(/^custom:/, '');

export interface UserDirectoryProps {
  readonly userPoolName: string;
}

/**
 * The staff directory: a Cognito user pool with a group per role (`cognito:groups`) and the
 * ward and district as custom attributes (`custom:ward`, `custom:district`), the claims the
 * functions authorize on. Administrators create the accounts; nobody signs up. MFA is optional
 * (TOTP), threat protection is enforced, and the web app's client cannot write the ward or
 * district, so a user cannot move themselves to another ward.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        [WARD_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        [DISTRICT_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [role, description] of Object.entries(ROLE_GROUPS)) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description });
    }
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      // A browser app keeps no secret. The web app signs in with USER_PASSWORD_AUTH (the
      // password goes to Cognito over TLS, never to our API), which needs no SRP library in the
      // bundle; SRP stays open for clients that have one.
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // About one working day: a clerk signs in once per shift.
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(WARD_ATTRIBUTE, DISTRICT_ATTRIBUTE),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional by the platform decision so counter staff can enrol TOTP over time, while threat protection blocks risky sign-ins.',
    );
  }

  /**
   * `MOTCUA_COGNITO_ISSUER`: the `iss` claim of the pool's tokens, spelled out because
   * CloudFormation's ProviderURL attribute is documented without the scheme.
   */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
