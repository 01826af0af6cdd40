/*
 * A static pod's nodes: by name, or a NodeFilter resolved against an inventory. The filter matches
 * nodes as the evaluator matches a DaemonSet's required node affinity (component-helpers
 * `nodeaffinity`: terms ORed, requirements ANDed, `metadata.name` the one node field).
 */
import * as path from 'path';
import { Testing } from 'cdk8s';
import { node } from '../../src';
import * as cdk8s from '../../src/cdk8s';
import { NodeFilter } from '../../src/daemon';
import { StaticPodProps, staticPodFiles } from '../../src/static-pods';
import { propsErrorMessage } from '../daemon/props-error-of';

const OWNER = "StaticPod 'boot-agent'";
const IMAGE = 'registry.example.com/boot-agent:1.0';
const EXAMPLE_INVENTORY = path.join(__dirname, '..', '..', 'examples', 'inventory.yaml');
const CONTROL_PLANE = NodeFilter.labelExists('node-role.kubernetes.io/control-plane');

const inventory = [
  node('cp-1').controlPlane(),
  node('worker-1').labels({ pool: 'general' }),
  node('cp-2').controlPlane(),
  node('gpu-1').labels({ pool: 'gpu' }),
];

const nodesOf = (props: Omit<StaticPodProps, 'image'>) => staticPodFiles(OWNER, 'boot-agent', { image: IMAGE, ...props }).map((file) => file.node);

describe('nodeFilter resolved against an inventory', () => {
  test('GIVEN the control-plane filter THEN a file for each control-plane node, in inventory order', () => {
    expect(nodesOf({ nodeFilter: CONTROL_PLANE, inventory })).toEqual(['cp-1', 'cp-2']);
  });

  test('labels, names and combinations select as they would for a DaemonSet', () => {
    expect(nodesOf({ nodeFilter: NodeFilter.labelIn('pool', 'gpu', 'general'), inventory })).toEqual(['worker-1', 'gpu-1']);
    expect(nodesOf({ nodeFilter: NodeFilter.labelNotIn('pool', 'gpu'), inventory })).toEqual(['cp-1', 'worker-1', 'cp-2']);
    expect(nodesOf({ nodeFilter: NodeFilter.named('cp-2', 'gpu-1'), inventory })).toEqual(['cp-2', 'gpu-1']);
    expect(nodesOf({ nodeFilter: CONTROL_PLANE.and(NodeFilter.notNamed('cp-1')), inventory })).toEqual(['cp-2']);
    expect(nodesOf({ nodeFilter: CONTROL_PLANE.or(NodeFilter.labelEquals('pool', 'gpu')), inventory })).toEqual(['cp-1', 'cp-2', 'gpu-1']);
  });

  test('an inventory file, as kubectl get nodes -o yaml writes it', () => {
    expect(nodesOf({ nodeFilter: CONTROL_PLANE, inventory: EXAMPLE_INVENTORY })).toEqual(['cp-1']);
  });

  test('each file names its node in spec.nodeName', () => {
    const files = staticPodFiles(OWNER, 'boot-agent', { image: IMAGE, nodeFilter: CONTROL_PLANE, inventory });
    expect(files.map((file) => [file.path, file.manifest.spec!.nodeName])).toEqual([['cp-1/boot-agent.yaml', 'cp-1'], ['cp-2/boot-agent.yaml', 'cp-2']]);
  });
});

describe('construction errors name the construct and the prop', () => {
  test('a filter without an inventory', () => {
    expect(propsErrorMessage(() => new cdk8s.StaticPod(Testing.chart(), 'boot-agent', { image: IMAGE, nodeFilter: CONTROL_PLANE }))).toMatch(
      /^StaticPod 'test\/boot-agent': nodeFilter: NodeFilter\.labelExists\('node-role.kubernetes.io\/control-plane'\) needs an inventory to choose nodes from: give inventory .*, or name the nodes in nodes$/m,
    );
  });

  test('a filter that selects no node of the inventory', () => {
    expect(propsErrorMessage(() => nodesOf({ nodeFilter: NodeFilter.labelEquals('pool', 'arm'), inventory }))).toContain(
      'nodeFilter: NodeFilter.labelEquals(\'pool\', \'arm\') selects none of the inventory\'s 4 nodes: a static pod runs only where its file is put',
    );
  });

  test('nodes and a filter both', () => {
    expect(propsErrorMessage(() => nodesOf({ nodes: ['cp-1'], nodeFilter: CONTROL_PLANE, inventory }))).toContain('nodeFilter: give nodes or nodeFilter, not both');
  });

  test('neither', () => {
    expect(propsErrorMessage(() => nodesOf({}))).toContain('nodes: must name at least one node (or give nodeFilter and inventory)');
  });

  test('an inventory file that cannot be read, under the inventory prop', () => {
    expect(propsErrorMessage(() => nodesOf({ nodeFilter: CONTROL_PLANE, inventory: '/nonexistent/nodes.yaml' }))).toMatch(
      /inventory: \/nonexistent\/nodes\.yaml: cannot read the inventory \(ENOENT\)/,
    );
  });

  test('with an inventory, a named node it does not hold', () => {
    expect(propsErrorMessage(() => nodesOf({ nodes: ['cp-1', 'cp-9'], inventory }))).toContain('nodes[1]: "cp-9" is not a node of the inventory');
    expect(nodesOf({ nodes: ['cp-2', 'cp-1'], inventory })).toEqual(['cp-2', 'cp-1']);
  });

  test('the message names the owner it is given (the Pulumi component passes StaticPod \'<name>\')', () => {
    expect(propsErrorMessage(() => staticPodFiles("StaticPod 'boot'", 'boot', { image: IMAGE, nodeFilter: CONTROL_PLANE }))).toMatch(/^StaticPod 'boot': nodeFilter:/);
  });
});
