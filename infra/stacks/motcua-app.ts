import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type DistrictConsumers, plannedConsumers } from '../config/consumers.ts';
import type { Deployment } from '../config/deployment.ts';
import { allDistricts } from '../config/districts.ts';
import { FEATURE_FLAGS } from '../config/feature-flags.ts';
import { names } from '../config/names.ts';
import type { DeployedRoute } from '../config/routes.ts';
import { CityStack } from './city-stack.ts';
import { DistrictStack } from './district-stack.ts';

export interface MotcuaStacks {
  readonly city: CityStack;
  readonly districts: readonly DistrictStack[];
}

/**
 * Adds the city stack and one stack per selected district to `app`, and the cdk-nag AwsSolutions
 * checks, which fail the synth on any finding that is not acknowledged with a reason.
 */
export function addMotcuaStacks(
  app: App,
  deployment: Deployment,
  routes: readonly DeployedRoute[],
  consumers: DistrictConsumers = plannedConsumers,
): MotcuaStacks {
  const { stage } = deployment;
  for (const [flag, value] of Object.entries(FEATURE_FLAGS)) app.node.setContext(flag, value);
  const env = { account: deployment.account, region: deployment.region };
  const terminationProtection = stage.name === 'production';
  Tags.of(app).add('project', 'motcua');
  Tags.of(app).add('stage', stage.name);
  const city = new CityStack(app, names.cityStack(stage), {
    env,
    terminationProtection,
    description: 'Một Cửa Điện Tử: city-wide resources (keys, staff directory, web app, IoT policy)',
    stage,
    districts: allDistricts,
    alarmEmail: deployment.alarmEmail,
    webDist: deployment.webDist,
  });
  const districts = deployment.districts.map((district) => {
    const stack = new DistrictStack(app, names.districtStack(stage, district.id), {
      env,
      terminationProtection,
      description: `Một Cửa Điện Tử: ${district.name} (${district.wards.length} wards)`,
      stage,
      district,
      city,
      routes,
      consumers,
    });
    Tags.of(stack).add('district', district.id);
    stack.addStackDependency(city, 'the API logging role, keys and user pool come from the city stack');
    return stack;
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { city, districts };
}
