import { App } from 'aws-cdk-lib';
import { readDeployment } from '../config/deployment.ts';
import { deployedRoutes } from '../config/routes.ts';
import { addMotcuaStacks } from '../stacks/motcua-app.ts';

/** The CDK app: `cdk synth` (all districts) or `cdk synth -c district=<id>` (one). */
const app = new App();
addMotcuaStacks(app, readDeployment(app.node), await deployedRoutes());
app.synth();
