// Client settings, and errors that name the service and call they came from (against the in-process emulator).
import { AppMeshClient, DescribeMeshCommand } from '@aws-sdk/client-app-mesh';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { clientConfig, MAX_ATTEMPTS, withErrorContext } from '../../src/aws/clients.js';
import { endOfSupportHint } from '../../src/traffic/appMesh/index.js';
import { Emulator } from '../../emulator/server.js';

test('region from AWS_REGION, else AWS_DEFAULT_REGION; adaptive retries', () => {
  expect(clientConfig({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' })).toEqual({
    region: 'eu-west-1',
    retryMode: 'adaptive',
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: 'ecs-mesh-canary',
  });
  expect(clientConfig({ AWS_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1');
  expect(() => clientConfig({})).toThrow(/^No AWS region: set AWS_REGION/);
});

/** The error a request fails with (the test fails if it succeeds). */
async function failure(request: Promise<unknown>): Promise<Error> {
  const error = await request.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error!;
}

describe('withErrorContext', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await Emulator.start();
  });
  afterAll(() => emu.stop());
  const config = () => emu.clientConfig();

  test("prefixes the service and operation, keeps the error's name", async () => {
    const ecs = withErrorContext(new ECSClient(config()), 'ECS');
    const error = await failure(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['color'] })));
    expect(error).toMatchObject({
      name: 'ClusterNotFoundException',
      message: 'ECS DescribeServices: Cluster not found.',
    });
    ecs.destroy();
  });

  test('adds the hint, when there is one, to App Mesh access errors', async () => {
    const mesh = withErrorContext(new AppMeshClient(config()), 'App Mesh', endOfSupportHint);
    emu.inject({ operation: 'DescribeMesh', error: 'AccessDeniedException', message: 'not authorized' });
    const denied = await failure(mesh.send(new DescribeMeshCommand({ meshName: 'm' })));
    expect(denied).toMatchObject({ name: 'AccessDeniedException' });
    expect(denied.message).toMatch(
      /^App Mesh DescribeMesh: not authorized \(AWS ended App Mesh on 2026-09-30 .*README\)$/,
    );
    const missing = await failure(mesh.send(new DescribeMeshCommand({ meshName: 'm' })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).not.toContain('AWS ended App Mesh');
    mesh.destroy();
  });
});
