import * as pulumi from '@pulumi/pulumi';
import { formatWarning, ValidationWarning } from '../validation';

/**
 * Logs a component's warnings against it with `pulumi.log.warn`, each once: the model finds them
 * before the component is registered, and again when an output image or namespace resolves.
 */
export class WarningLog {
  private resource?: pulumi.Resource;
  private readonly pending: string[] = [];
  private readonly logged = new Set<string>();

  add(warnings: readonly ValidationWarning[]): void {
    for (const message of warnings.map(formatWarning)) {
      if (this.logged.has(message)) continue;
      this.logged.add(message);
      if (this.resource) void pulumi.log.warn(message, this.resource);
      else this.pending.push(message);
    }
  }

  /** Logs what was found before `resource` existed, and from now on logs against it. */
  attach(resource: pulumi.Resource): void {
    this.resource = resource;
    for (const message of this.pending.splice(0)) void pulumi.log.warn(message, resource);
  }
}
