export { DEFAULT_STATIC_POD_NAMESPACE, DEFAULT_STATIC_POD_PATH, StaticPodProps } from './static-pod-props';
export { mirrorPodName, StaticPodFile, staticPodFiles, staticPodManifest, StaticPodManifest } from './static-pod-manifest';
export { mirrorPodErrors, validateMirrorPodSpec } from './mirror-pod-rules';
