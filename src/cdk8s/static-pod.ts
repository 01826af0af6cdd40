import * as fs from 'fs';
import * as path from 'path';
import { App, Yaml } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { DaemonPropsError } from '../daemon';
import { StaticPodFile, staticPodFiles, StaticPodProps } from '../static-pods';

const STATIC_POD = Symbol.for('everynode.StaticPod');

/**
 * A static pod: a Pod that the kubelet of each declared node runs from its manifest directory
 * (`staticPodPath`, `/etc/kubernetes/manifests` under kubeadm), for what must run before the
 * control plane does. It is not an API object of the chart, so `cdk8s synth` leaves it out of the
 * YAML that is applied: `StaticPod.writeAll(app)` writes each node's file to
 * `<outdir>/static-pods/<node>/<name>.yaml`, for whatever provisions the nodes to copy to the
 * node's `staticPodPath`.
 *
 * @example
 * new StaticPod(chart, 'boot-agent', {
 *   nodes: ['cp-1', 'cp-2', 'cp-3'],
 *   image: 'registry.example.com/boot-agent:1.0',
 *   hostNetwork: true,
 *   hostPaths: { '/etc/kubernetes/boot-agent': { mountPath: '/config', readOnly: true } },
 * });
 * app.synth();
 * StaticPod.writeAll(app);   // dist/static-pods/cp-1/boot-agent.yaml, ...
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/
 */
export class StaticPod extends Construct {
  /**
   * Writes the files of every StaticPod of `scope`'s app, all checked before any is written.
   * @param outdir the directory under which each node gets a folder
   * @returns the paths written
   * @throws DaemonPropsError naming both constructs when two static pods would write the same file
   */
  static writeAll(scope: IConstruct, outdir: string = path.join((scope.node.root as App).outdir ?? 'dist', 'static-pods')): string[] {
    const pods = scope.node.root.node.findAll().filter((c): c is StaticPod => STATIC_POD in c);
    const writers = new Map<string, StaticPod>();
    for (const pod of pods) {
      for (const file of pod.files) {
        const other = writers.get(file.path);
        if (other) {
          throw new DaemonPropsError(`StaticPod '${pod.node.path}'`, [
            { field: 'name', message: `${file.path} is written by StaticPod '${other.node.path}' too: give one of them another name` },
          ]);
        }
        writers.set(file.path, pod);
      }
    }
    const written: string[] = [];
    for (const pod of pods) {
      for (const file of pod.files) {
        const target = path.join(outdir, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, Yaml.stringify(file.manifest));
        written.push(target);
      }
    }
    return written;
  }

  /** The static pod's name; its mirror pod on node `n` is `<name>-<n>`. */
  readonly name: string;
  /** One file per node: where it goes on the node (`nodePath`) and the Pod it holds. */
  readonly files: StaticPodFile[];

  /** @throws DaemonPropsError naming the construct and every prop a mirror pod may not have */
  constructor(scope: Construct, id: string, props: StaticPodProps) {
    super(scope, id);
    Object.defineProperty(this, STATIC_POD, { value: true });
    this.name = props.name ?? id;
    this.files = staticPodFiles(`StaticPod '${this.node.path}'`, this.name, props);
  }
}
