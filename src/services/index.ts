export { daemonServiceManifest, DaemonServiceKind, DaemonServiceOptions, DaemonServicePort, ServiceManifest, ServiceTarget, serviceTargetOf } from './daemon-service';
export { nodeIpEndpoint, NodeIpEndpoint } from './node-ip-endpoint';
