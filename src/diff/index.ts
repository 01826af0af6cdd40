export { diffPlacement } from './diff-placement';
export {
  AdoptedPod,
  AdoptedPodFate,
  DaemonSetDiff,
  DiffRollout,
  LostPod,
  LostPodReason,
  LostPodReasonCode,
  PlacementDiff,
} from './diff-report';
export { renderDiff } from './render';
