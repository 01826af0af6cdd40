import { Volume, VolumeMount } from './kubernetes-types';

/**
 * What must exist at a host path before the pod starts.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-volume-types
 */
export enum HostPathType {
  /** A directory, created (mode 0755, owned by the kubelet) when missing. */
  DIRECTORY_OR_CREATE = 'DirectoryOrCreate',
  /** An existing directory. */
  DIRECTORY = 'Directory',
  /** A file, created empty (mode 0644, owned by the kubelet) when missing. */
  FILE_OR_CREATE = 'FileOrCreate',
  /** An existing file. */
  FILE = 'File',
  /** An existing UNIX socket, such as a container runtime's. */
  SOCKET = 'Socket',
  /** An existing character device. */
  CHAR_DEVICE = 'CharDevice',
  /** An existing block device. */
  BLOCK_DEVICE = 'BlockDevice',
}

/** How a host directory is mounted into the agent's container. */
export interface HostPathMount {
  /** Where the container sees the directory. */
  readonly mountPath: string;
  /**
   * Mount it read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * What must exist at the host path (`HostPathType.DIRECTORY`, `HostPathType.SOCKET`, ...).
   * @default - no check
   */
  readonly type?: HostPathType;
}

const MAX_VOLUME_NAME = 63;

/** `/var/lib/docker/containers` becomes `host-var-lib-docker-containers`; `/` becomes `host-root`. */
function volumeNameFor(hostPath: string): string {
  const slug = hostPath.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `host-${slug || 'root'}`.slice(0, MAX_VOLUME_NAME).replace(/-+$/, '');
}

/** The hostPath volumes and the mounts of the agent's container, one pair per host path. */
export function hostPathVolumes(hostPaths: Record<string, HostPathMount>): {
  volumes: Volume[];
  volumeMounts: VolumeMount[];
} {
  const volumes: Volume[] = [];
  const volumeMounts: VolumeMount[] = [];
  const used = new Set<string>();
  for (const [hostPath, mount] of Object.entries(hostPaths)) {
    let name = volumeNameFor(hostPath);
    for (let n = 2; used.has(name); n++) name = `${volumeNameFor(hostPath).slice(0, MAX_VOLUME_NAME - 3)}-${n}`;
    used.add(name);
    volumes.push({ name, hostPath: mount.type ? { path: hostPath, type: mount.type } : { path: hostPath } });
    volumeMounts.push(mount.readOnly ? { name, mountPath: mount.mountPath, readOnly: true } : { name, mountPath: mount.mountPath });
  }
  return { volumes, volumeMounts };
}
