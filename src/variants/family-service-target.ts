import { FAMILY_LABEL, VARIANT_LABEL } from './family-labels';
import { VariantManifest } from './family-manifests';
import { ContainerPort } from '../daemon/kubernetes-types';
import { ServiceTarget, serviceTargetOf } from '../services/daemon-service';

const portKey = (port: ContainerPort) => `${port.name ?? ''}/${port.containerPort}/${port.protocol ?? 'TCP'}`;

/**
 * A family's pods as one Service's target: the family's selector labels without the variant's,
 * plus the family label, and only the container ports every variant declares, so that the Service
 * never routes to a pod that does not listen.
 */
export function familyServiceTarget(family: string, variants: readonly VariantManifest[]): ServiceTarget {
  const targets = variants.map((variant) => serviceTargetOf(variant.manifest));
  const { [VARIANT_LABEL]: _variant, ...selector } = targets[0].selector;
  const everywhere = targets.slice(1).reduce(
    (ports, target) => {
      const keys = new Set(target.containerPorts.map(portKey));
      return ports.filter((port) => keys.has(portKey(port)));
    },
    [...targets[0].containerPorts],
  );
  return { name: family, namespace: targets[0].namespace, selector: { ...selector, [FAMILY_LABEL]: family }, containerPorts: everywhere };
}
