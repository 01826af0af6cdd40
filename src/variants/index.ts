export { DEFAULT_VARIANT, FAMILY_LABEL, VARIANT_LABEL } from './family-labels';
export { variantFamilyManifests, VariantManifest } from './family-manifests';
export { DaemonVariant, DaemonVariantsProps, VariantOverrides } from './variant-props';
export { familyServiceTarget } from './family-service-target';
