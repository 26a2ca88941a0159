import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, LoggingFormat, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME, lambdaBundling } from '../config/bundling.ts';
import type { FunctionTuning } from '../config/functions.ts';
import { REPO_ROOT, ROOT_LOCK_FILE } from '../config/paths.ts';
import { RUNTIME_PACKAGES_LOCK, runtimePackagesFor } from '../config/runtime-packages.ts';
import { acknowledge } from './nag.ts';

export interface BundledFunctionProps {
  /** The handler's source file (exports `handler`). */
  readonly entry: string;
  /** The module name (`dossiers/create`): picks runtime packages. */
  readonly module: string;
  readonly description: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly tuning: FunctionTuning;
  readonly logRetentionDays: number;
  /** Caps this function's concurrency where a runaway would starve the others. */
  readonly reservedConcurrency?: number;
  /** Why the role needs `Resource: *` (X-Ray, and whatever the caller adds that has no resource level). */
  readonly resourceStarReason?: string;
}

const XRAY_REASON =
  'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so AWS requires Resource *.';

/**
 * One Lambda as every Lambda of the system is built: the shared esbuild bundle (Node 22, arm64,
 * minified, SDK inside), X-Ray tracing, JSON logs into its own log group with a retention, and a
 * role of its own that starts with nothing but writing those logs. Callers grant the rest,
 * exactly (see data-access.ts).
 */
export class BundledFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetentionDays,
      // The logs live and go with their function; personal data is never logged (adapters/logger.ts).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Lambda ${props.module}`,
    });
    this.logGroup.grantWrite(this.role);
    const usesRuntimePackages = runtimePackagesFor(props.module).length > 0;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      projectRoot: REPO_ROOT,
      depsLockFilePath: usesRuntimePackages ? RUNTIME_PACKAGES_LOCK : ROOT_LOCK_FILE,
      bundling: lambdaBundling(props.module),
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.tuning.memoryMiB,
      timeout: Duration.seconds(props.tuning.timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { ...props.environment },
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
    });
    acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]', props.resourceStarReason ?? XRAY_REASON);
    acknowledge(
      this.fn,
      'AwsSolutions-L1',
      'The functions are built and tested for Node 22 (nodejs22.x by decision), and moving runtime is a deliberate change with its own test run.',
    );
  }
}
