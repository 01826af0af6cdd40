import { setImmediate } from 'timers';
import * as pulumi from '@pulumi/pulumi';
import { DaemonSetRecorder } from './daemon-set-recorder';
import { selectorCollisionFindings } from '../collisions';
import { Inventory, inventoryNodes, namespaceOf } from '../input';
import { evaluatePlacement, PlacementReport } from '../placement';
import { withFindings } from '../placement/report-families';
import { describeObject, findDuplicateObjects, Finding } from '../validation';

/** `runtime.waitForRPCs` is marked internal, so its declaration is stripped from Pulumi's typings. */
type RuntimeWithWait = { waitForRPCs?: () => Promise<void> };

/** Resolves when every resource the program constructed has been registered, or has failed to. */
function registrationsDone(): Promise<void> {
  const waitForRPCs = (pulumi.runtime as unknown as RuntimeWithWait).waitForRPCs;
  if (typeof waitForRPCs !== 'function') {
    throw new Error('evaluatePulumiProgram needs pulumi.runtime.waitForRPCs, which this version of @pulumi/pulumi does not have');
  }
  return waitForRPCs();
}

type Manifest = { readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown } };

/** `namespace/name`, with the namespace an object that names none is created in. */
function idOf(manifest: Manifest): string {
  return `${namespaceOf(manifest.metadata)}/${String(manifest.metadata?.name)}`;
}

/**
 * Two resources that register one DaemonSet: in the cluster, one overwrites the other. Named in
 * alphabetical order, since the order Pulumi registers them in follows when their inputs resolve.
 */
function duplicateDaemonSets({ manifests, resourceNames }: DaemonSetRecorder): string[] {
  return findDuplicateObjects(manifests).map(({ first, duplicate }) => {
    const [a, b] = [resourceNames[first], resourceNames[duplicate]].sort();
    return `${describeObject(manifests[duplicate])} is registered by two resources, '${a}' and '${b}': in the cluster, one overwrites the other`;
  });
}

type Named = { readonly object: Manifest & { readonly kind?: unknown }; readonly resource: string };

/**
 * The `SelectorCollision` findings of the program's DaemonSets, workloads and Pods, each object
 * named with its resource; in an order that does not follow when inputs resolve.
 */
function selectorCollisions(recorder: DaemonSetRecorder): Finding[] {
  const named: Named[] = [
    ...recorder.manifests.map((object, i) => ({ object, resource: recorder.resourceNames[i] })),
    ...recorder.workloads.map((object, i) => ({ object, resource: recorder.workloadNames[i] })),
  ];
  const key = ({ object, resource }: Named) => `${String(object.kind)} ${idOf(object)} ${resource}`;
  named.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return selectorCollisionFindings(named.map(({ object }) => object), (i) => `resource '${named[i].resource}'`);
}

/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks`, collects the inputs of every
 * `kubernetes:apps/v1:DaemonSet` it registers (the everynode components' and any other) and
 * evaluates their placement on `inventory`, so the matchers and the snapshot serializer of
 * `everynode/jest` work on Pulumi programs as they do on cdk8s charts.
 *
 * The program runs as in `pulumi up` (not a preview), so every output resolves. A DaemonSet
 * without `metadata.name` is named after its resource, without the suffix Pulumi's auto-naming
 * would add. Other resources get their inputs back as their state, calls their arguments.
 *
 * The report's `findings` add the program's selector collisions (`SelectorCollision`): a
 * DaemonSet whose selector matches the pods of a Deployment, ReplicaSet, StatefulSet, Job,
 * CronJob, ReplicationController, Pod or other DaemonSet the program registers in its namespace,
 * each object named with its resource (`toHaveNoSelectorCollisions` in `everynode/jest`).
 *
 * The report lists the DaemonSets by namespace and name, as `kubectl get daemonsets -A` does.
 * Pulumi registers a resource when its inputs resolve, so the registration order changes when a
 * plain namespace becomes a Namespace's output; a snapshot should not.
 *
 * A registration that fails (an input that rejects, such as an output image found empty) is
 * reported as Pulumi reports it, by an unhandled rejection: jest fails the running test with its
 * error, and the DaemonSet is missing from the report.
 *
 * The mocks are global and replace any set before: set your own mocks again after this returns,
 * and keep a file's Pulumi tests apart from tests that need other mocks.
 *
 * @param program the program: a function that constructs resources, or imports the module that
 *   does (a module runs once per module registry: evaluate it once per test file)
 * @param inventory an inventory file (`kubectl get nodes -o yaml`), or Node objects / `NodeBuilder`s
 * @returns the placement report of the program's DaemonSets
 * @throws the program's error, once the resources it constructed before are registered
 * @throws Error naming both resources when two register a DaemonSet with the same namespace and name
 * @throws InputError when the inventory file cannot be read or holds no Node
 * @example
 * import { placementMatchers, placementSerializer } from 'everynode/jest';
 * import { evaluatePulumiProgram } from 'everynode/pulumi';
 *
 * expect.extend(placementMatchers);
 * expect.addSnapshotSerializer(placementSerializer);
 *
 * test('placement', async () => {
 *   const report = await evaluatePulumiProgram(() => import('../index'), 'inventory.yaml');
 *   expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
 *   expect(report).toMatchSnapshot();
 * });
 */
export async function evaluatePulumiProgram(program: () => unknown | Promise<unknown>, inventory: Inventory): Promise<PlacementReport> {
  // Read the inventory first: a wrong path should not wait for, or hide behind, the program.
  const nodes = inventoryNodes(inventory, 'evaluatePulumiProgram');
  const recorder = new DaemonSetRecorder();
  await pulumi.runtime.setMocks(recorder, 'everynode', 'placement', false);

  let failure: { error: unknown } | undefined;
  try {
    await program();
  } catch (error) {
    failure = { error };
  }
  // Waited for after an error too, so that no registration runs on into the next test.
  await registrationsDone();
  // A failed registration is reported as an unhandled rejection once the microtasks have run: let
  // it fail this test rather than a later one, or the jest worker. `timers` is not faked by jest.
  await new Promise((resolve) => setImmediate(resolve));
  if (failure) throw failure.error;
  const duplicates = duplicateDaemonSets(recorder);
  if (duplicates.length > 0) throw new Error(`evaluatePulumiProgram: ${duplicates.join('; ')}`);

  const manifests = [...recorder.manifests].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const report = evaluatePlacement(manifests, nodes);
  // The program's collisions replace any the report found among its DaemonSets alone: these name resources.
  return withFindings(report, [...report.findings.filter((f) => f.code !== 'SelectorCollision'), ...selectorCollisions(recorder)]);
}
