import { diffPlacement, renderDiff } from '../diff';
import { InputError, parseInventory } from '../input';
import { choiceOption, OptionSpec, parseCommandArgs, stringList } from './args';
import { CliIo } from './cli-io';
import { CommandResult } from './command-result';
import { ExitCode } from './exit-codes';
import { daemonSetsIn, describeOrigin, readManifests, SourcedObject } from './read-manifests';
import { SourceReader } from './source-reader';
import { DIFF_USAGE } from './usage';
import { UsageError } from './usage-error';
import { findDuplicateObjects } from '../validation';

const COMMAND = 'diff';

const OPTIONS: OptionSpec = {
  'before': { type: 'string', multiple: true },
  'after': { type: 'string', multiple: true },
  'inventory': { type: 'string', short: 'i' },
  'inventory-after': { type: 'string' },
  'output': { type: 'string', short: 'o' },
};

const OUTPUTS = ['table', 'markdown', 'json'] as const;

function requiredList(value: unknown, option: string, what: string): string[] {
  const list = stringList(value);
  if (list.length === 0 || list.some((argument) => argument === '')) throw new UsageError(`diff needs --${option} FILE... (${what})`, COMMAND);
  return list;
}

/**
 * Refuses a side on which the same DaemonSet is defined twice: which of the two the other side
 * is compared with cannot be known.
 * @throws InputError naming the object and where both copies were read
 */
function rejectDuplicates(objects: readonly SourcedObject[], side: string): void {
  const duplicate = findDuplicateObjects(objects.map(({ object }) => object))
    .find(({ first }) => objects[first].object.kind === 'DaemonSet');
  if (!duplicate) return;
  const metadata = objects[duplicate.first].object.metadata as { namespace?: unknown; name?: unknown } | undefined;
  const namespace = typeof metadata?.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  throw new InputError(
    `DaemonSet ${namespace}/${String(metadata?.name)} is defined twice in the --${side} manifests, in ` +
    `${describeOrigin(objects[duplicate.first].origin)} and in ${describeOrigin(objects[duplicate.duplicate].origin)}`,
  );
}

/**
 * `everynode diff`: evaluates the DaemonSets before and after a change against the inventory (and
 * the inventory after, when the nodes change too), and prints what the change does to the pods.
 *
 * @throws UsageError or InputError for bad usage or input (exit 2)
 */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, COMMAND);
  if (values.help) return { exitCode: ExitCode.ok, stdout: DIFF_USAGE, stderrLines: [] };

  const output = choiceOption(values.output, 'output', OUTPUTS, 'table', COMMAND);
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}': name manifests with --before and --after`, COMMAND);
  }
  const beforeArguments = requiredList(values.before, 'before', 'the manifests as released: files, directories or -');
  const afterArguments = requiredList(values.after, 'after', 'the manifests with the change: files, directories or -');
  const inventoryArgument = values.inventory;
  if (typeof inventoryArgument !== 'string' || inventoryArgument === '') {
    throw new UsageError('diff needs --inventory FILE (the output of `kubectl get nodes -o yaml`)', COMMAND);
  }
  const inventoryAfterArgument = values['inventory-after'];
  if (inventoryAfterArgument === '') throw new UsageError('--inventory-after needs a FILE', COMMAND);

  const reader = new SourceReader(io);
  const inventorySource = await reader.readFile(inventoryArgument, 'inventory');
  const nodes = parseInventory(inventorySource.text, inventorySource.name);
  let nodesAfter: unknown;
  if (typeof inventoryAfterArgument === 'string') {
    const source = await reader.readFile(inventoryAfterArgument, 'inventory');
    nodesAfter = parseInventory(source.text, source.name);
  }
  const before = await readManifests(reader, beforeArguments, '--before manifest');
  const after = await readManifests(reader, afterArguments, '--after manifest');
  rejectDuplicates(before, 'before');
  rejectDuplicates(after, 'after');

  if (daemonSetsIn(before).length === 0 && daemonSetsIn(after).length === 0) {
    throw new InputError(`${[...beforeArguments, ...afterArguments].join(', ')}: no DaemonSet found (expected apps/v1 DaemonSet objects)`);
  }
  const diff = diffPlacement(daemonSetsIn(before), daemonSetsIn(after), nodes, nodesAfter);
  return {
    exitCode: ExitCode.ok,
    stdout: output === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff, output),
    stderrLines: [],
  };
}
