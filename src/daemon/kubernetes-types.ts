/*
 * The Kubernetes wire shapes everynode reads and writes, taken from kubernetes-models so that
 * containers, volumes and security contexts are typed exactly as the API defines them.
 * Type-only imports: nothing from kubernetes-models is loaded at run time.
 */
export type { IDaemonSet as DaemonSetManifest } from 'kubernetes-models/apps/v1/DaemonSet';
export type { IDaemonSetUpdateStrategy as DaemonSetUpdateStrategy } from 'kubernetes-models/apps/v1/DaemonSetUpdateStrategy';
export type { IContainer as Container } from 'kubernetes-models/v1/Container';
export type { IContainerPort as ContainerPort } from 'kubernetes-models/v1/ContainerPort';
export type { IEnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
export type { IVolume as Volume } from 'kubernetes-models/v1/Volume';
export type { IVolumeMount as VolumeMount } from 'kubernetes-models/v1/VolumeMount';
export type { IResourceRequirements as ResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
export type { ISecurityContext as SecurityContext } from 'kubernetes-models/v1/SecurityContext';
export type { IPodSecurityContext as PodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
export type { IProbe as Probe } from 'kubernetes-models/v1/Probe';
export type { IToleration as TolerationSpec } from 'kubernetes-models/v1/Toleration';
export type { INodeSelectorTerm as NodeSelectorTerm } from 'kubernetes-models/v1/NodeSelectorTerm';
export type { INodeSelectorRequirement as NodeSelectorRequirement } from 'kubernetes-models/v1/NodeSelectorRequirement';
export type { INodeAffinity as NodeAffinity } from 'kubernetes-models/v1/NodeAffinity';
export type { IPodSpec as PodSpec } from 'kubernetes-models/v1/PodSpec';
