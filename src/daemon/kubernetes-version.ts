/** A Kubernetes minor version, e.g. `1.29` from `"1.29"`, `"v1.29.3"` or `"1.29.0-eks-1234"`. */
export interface KubernetesMinorVersion {
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;

/** @returns the version, or undefined when the text is not a Kubernetes version. */
export function parseKubernetesVersion(text: string): KubernetesMinorVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function isAtLeast(version: KubernetesMinorVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
