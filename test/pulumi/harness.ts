/*
 * Pulumi's mocks for the component tests. setMocks is global state of the @pulumi/pulumi module,
 * so each test file sets them in its own beforeAll, before it constructs a resource.
 */
import * as pulumi from '@pulumi/pulumi';

/** A `registerResource` call as the mocks see it, with the parent's URN the engine would receive. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly parent: string;
  readonly inputs: any;
}

/** The mock monitor: `resources` holds the registered outputs of a component as its `state`. */
interface MockMonitorLike {
  readonly resources: Map<string, { urn: string; state: any }>;
  registerResource(request: RegisterResourceRequest, callback: unknown): Promise<void>;
}

interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
}

export class MockHarness {
  readonly registrations: Registration[] = [];
  private parent = '';

  /** Sets the mocks; call in beforeAll, before any resource is constructed. */
  async install(): Promise<void> {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          this.registrations.push({ type: args.type, name: args.name, parent: this.parent, inputs: args.inputs });
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      'project',
      'stack',
      false,
    );
    // The mocks are not told the parent; the request the monitor receives names it, and the
    // monitor calls newResource before it awaits anything.
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) => {
      this.parent = request.getParent();
      return registerResource(request, callback);
    };
  }

  /** The registrations of one type. */
  ofType(type: string): Registration[] {
    return this.registrations.filter((r) => r.type === type);
  }

  /** The outputs a component registered, as the engine received them. */
  registeredOutputs(urn: string): unknown {
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    return monitor.resources.get(urn)?.state?.toJavaScript();
  }
}

/** Resolves when every registration under way has finished. */
export function settle(): Promise<void> {
  return (pulumi.runtime as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs();
}

/** The value an output resolves to. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => {
    resolve(value);
    return value;
  }));
}
