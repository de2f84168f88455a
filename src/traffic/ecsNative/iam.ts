// ECS-native's part of the IAM policy (npm run iam-policy): the calls on the service's deployments and revisions,
// scoped to the one service (service-deployment/CLUSTER/SERVICE/*, service-revision/CLUSTER/SERVICE/*, and the service
// itself for ListServiceDeployments). Its other ECS calls (DescribeServices, UpdateService, the task definitions) are
// the ECS statements every provider shares; it passes no role besides the task definitions'.
import { arnIn, type IamFacts, noResourceRule, type ProviderIam, type Statement, sorted } from '../iam.js';
import type { EcsNativeSettings } from './settings.js';

/** The ECS calls only this provider makes, by the resource IAM checks them against. */
const ON_DEPLOYMENTS = ['ecs:DescribeServiceDeployments', 'ecs:ContinueServiceDeployment', 'ecs:StopServiceDeployment'];
const ON_REVISIONS = ['ecs:DescribeServiceRevisions'];
const ON_SERVICE = ['ecs:ListServiceDeployments'];

function ecsNativeStatements(c: IamFacts, _s: EcsNativeSettings, commands: readonly string[]): Statement[] {
  const own = [...ON_DEPLOYMENTS, ...ON_REVISIONS, ...ON_SERVICE];
  const sent = commands.filter((a) => own.includes(a));
  noResourceRule(
    commands.filter((a) => /ServiceDeployment|ServiceRevision/.test(a) && !own.includes(a)),
    'src/traffic/ecsNative/iam.ts',
  );
  const under = (kind: string) => arnIn(c, 'ecs', `${kind}/${c.cluster}/${c.stable}/*`);
  return [
    {
      Sid: 'ServiceDeploymentsOfTheService',
      Effect: 'Allow',
      Action: sorted(sent.filter((a) => ON_DEPLOYMENTS.includes(a))),
      Resource: under('service-deployment'),
    },
    {
      Sid: 'ServiceRevisionsOfTheService',
      Effect: 'Allow',
      Action: sorted(sent.filter((a) => ON_REVISIONS.includes(a))),
      Resource: under('service-revision'),
    },
    {
      Sid: 'ListDeploymentsOfTheService',
      Effect: 'Allow',
      Action: sorted(sent.filter((a) => ON_SERVICE.includes(a))),
      Resource: arnIn(c, 'ecs', `service/${c.cluster}/${c.stable}`),
    },
  ];
}

export const ecsNativeIam: ProviderIam<EcsNativeSettings> = {
  folder: 'src/traffic/ecsNative/',
  sdk: {},
  statements: ecsNativeStatements,
};
