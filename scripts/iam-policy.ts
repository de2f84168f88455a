// npm run -s iam-policy -- name=value …: prints the least-privilege IAM policy (JSON) for the role a workflow assumes,
// for these inputs of the action. The names are those of action.yml's inputs (others than the ones below are accepted
// and ignored, so a workflow's `with:` can be pasted), plus region, account and the roles passed to ECS:
//
//   traffic-provider  app-mesh (default) or vpc-lattice
//   cluster, stable-service, canary-service, alarms (comma-separated)
//   App Mesh: mesh, mesh-owner, virtual-router, route, preview-route, virtual-service, stable-virtual-node,
//             canary-virtual-node
//   VPC Lattice: lattice-service, lattice-listener, lattice-rule, stable-target-group, canary-target-group
//   region, account  where the services run (both can come from a cluster ARN)
//   task-role, execution-role  the task definitions' roles (iam:PassRole), names or ARNs, comma-separated; those of
//             a task-definition file given are added. infrastructure-role (VPC Lattice) the role of the stable
//             service's vpcLatticeConfigurations. Placeholders when left out.
//
// The notes (placeholders to replace, what could not be scoped, what was left out) go to stderr.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readProvider } from '../src/inputs.js';
import { Inputs } from '../src/inputTools.js';
import { PROVIDERS } from '../src/traffic/registry.js';
import { baseTaskDefinition, commandsSent, IamPolicyInputError, iamPolicy, OWN_ARGS } from './iamPolicy.js';

const USAGE = `usage: npm run -s iam-policy -- traffic-provider=${PROVIDERS.map((p) => p.id).join('|')} region=REGION account=ACCOUNT_ID \\
  cluster=… stable-service=… canary-service=… [alarms=a,b] [task-role=… execution-role=…]
  App Mesh: mesh=… [mesh-owner=…] virtual-router=… route=… [virtual-service=…] stable-virtual-node=… canary-virtual-node=…
  VPC Lattice: lattice-service=… [lattice-listener=… lattice-rule=… stable-target-group=… canary-target-group=…]
               [infrastructure-role=…]`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const declared = Object.keys(
    (parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: object }).inputs,
  );
  const args: Record<string, string> = {};
  const problems: string[] = [];
  for (const arg of argv) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (eq < 0) problems.push(`${arg}: expected name=value`);
    else if (!declared.includes(name) && !(OWN_ARGS as readonly string[]).includes(name))
      problems.push(`${name}: not an input of the action, nor one of ${OWN_ARGS.join(', ')}`);
    else args[name] = arg.slice(eq + 1);
  }
  if (problems.length) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const entry = readProvider(new Inputs((name) => (args[name] ?? '').trim()));
  try {
    // An unknown provider sends nothing: iamPolicy says which ones there are.
    const commands = entry ? commandsSent(entry.id) : [];
    // npm runs scripts in the package's folder; a relative path is the caller's, as INIT_CWD says.
    const file = args['task-definition'];
    const base = file ? baseTaskDefinition(file, process.env.INIT_CWD ?? process.cwd()) : undefined;
    if (file && !base) console.error(`note: ${file} cannot be read as JSON: its roles are not in the policy`);
    const { policy, notes } = iamPolicy(args, commands, base);
    console.log(JSON.stringify(policy, null, 2));
    for (const note of notes) console.error(`note: ${note}`);
    return 0;
  } catch (err) {
    if (!(err instanceof IamPolicyInputError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
