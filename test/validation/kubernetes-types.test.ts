/*
 * The field types validation decodes against are generated from kubernetes-models
 * (projenrc/kubernetes-types.ts): the committed module must be what the installed
 * kubernetes-models gives, and must say what the API server's Go types say.
 */
import * as fs from 'fs';
import * as path from 'path';
import { kubernetesTypesModule } from '../../projenrc/kubernetes-types';
import { KIND_DEFINITIONS, KUBERNETES_TYPES } from '../../src/validation/schema/kubernetes-types.generated';

const GENERATED = path.resolve(__dirname, '../../src/validation/schema/kubernetes-types.generated.ts');

describe('the generated Kubernetes field types', () => {
  test('are up to date with the installed kubernetes-models (npx projen kubernetes-types regenerates them)', () => {
    expect(fs.readFileSync(GENERATED, 'utf8')).toBe(kubernetesTypesModule());
  });

  test.each<[string, string, string]>([
    // The declarations say `number` for all three; the compiled validators tell them apart.
    ['IoK8sApiAppsV1DaemonSetSpec', 'minReadySeconds', 'int32'],
    ['IoK8sApiCoreV1PodSpec', 'terminationGracePeriodSeconds', 'int64'],
    ['IoK8sApiCoreV1PodSecurityContext', 'supplementalGroups', '[]int64'],
    ['IoK8sApiCoreV1PodSpec', 'tolerations', '[]IoK8sApiCoreV1Toleration'],
    ['IoK8sApiCoreV1PodSpec', 'nodeSelector', 'map[string]string'],
    ['IoK8sApiCoreV1PodSpec', 'hostNetwork', 'bool'],
    ['IoK8sApiCoreV1ResourceRequirements', 'limits', 'map[string]quantity'],
    ['IoK8sApiAppsV1RollingUpdateDaemonSet', 'maxSurge', 'intstr'],
    ['IoK8sApiCoreV1NodeSpec', 'taints', '[]IoK8sApiCoreV1Taint'],
    ['IoK8sApiCoreV1NodeStatus', 'allocatable', 'map[string]quantity'],
    ['IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry', 'fieldsV1', 'any'],
  ])('%s.%s is %s', (definition, field, fieldType) => {
    expect(KUBERNETES_TYPES[definition][field]).toBe(fieldType);
  });

  test('cover the kinds everynode reads and writes', () => {
    expect(KIND_DEFINITIONS).toEqual({
      'apps/v1 DaemonSet': 'IoK8sApiAppsV1DaemonSet',
      'v1 Node': 'IoK8sApiCoreV1Node',
      'v1 Pod': 'IoK8sApiCoreV1Pod',
      'v1 Service': 'IoK8sApiCoreV1Service',
    });
  });
});
