import { parseInventory } from '../input';
import type { NodeGrouping } from '../placement';
import { choiceOption, OptionSpec, parseCommandArgs, stringList } from './args';
import { CliIo } from './cli-io';
import { CommandResult } from './command-result';
import { ExitCode } from './exit-codes';
import { KUBERNETES_VERSION_OPTION, kubernetesVersionOption } from './kubernetes-version-option';
import { checkObjectNames } from './object-names';
import type * as PlaceReport from './place-report';
import { SourceReader } from './source-reader';
import { PLACE_USAGE } from './usage';
import { UsageError } from './usage-error';
import { lazyModule } from '../lazy-module';

const COMMAND = 'place';

// Loaded once the inventory is parsed: JSON.parse of a large inventory runs on a smaller heap,
// and the evaluator's modules load faster after it than before (about 60 ms less over 15,000
// nodes, all told).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const place = lazyModule<typeof PlaceReport>(() => require('./place-report'));

const OUTPUTS: readonly PlaceReport.PlaceOutput[] = ['table', 'markdown', 'json', 'html'];
const OPTIONS: OptionSpec = {
  'inventory': { type: 'string', short: 'i' },
  'output': { type: 'string', short: 'o' },
  'group-nodes': { type: 'string' },
  'expect-every-node': { type: 'string', multiple: true },
  'expect-exactly-once': { type: 'string', multiple: true },
  'fail-on-errors': { type: 'boolean' },
  'fail-on-advisories': { type: 'boolean' },
  'strict': { type: 'boolean' },
  ...KUBERNETES_VERSION_OPTION,
};

const GROUPINGS: readonly NodeGrouping[] = ['auto', 'always', 'never'];

/**
 * `everynode place`: evaluates the DaemonSets and static pods of the manifests against the inventory, prints
 * the report, and checks the expectations asked for.
 *
 * @throws UsageError or InputError for bad usage or input (exit 2)
 */
export async function placeCommand(args: readonly string[], io: CliIo): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, COMMAND);
  if (values.help) return { exitCode: ExitCode.ok, stdout: PLACE_USAGE, stderrLines: [] };

  const output = choiceOption(values.output, 'output', OUTPUTS, 'table', COMMAND);
  const groupNodes = choiceOption(values['group-nodes'], 'group-nodes', GROUPINGS, 'auto', COMMAND);
  const kubernetesVersion = kubernetesVersionOption(values['kubernetes-version'], COMMAND);
  const everyNode = stringList(values['expect-every-node']);
  checkObjectNames(everyNode, '--expect-every-node');
  const exactlyOnce = stringList(values['expect-exactly-once']);
  checkObjectNames(exactlyOnce, '--expect-exactly-once');
  const inventoryArgument = values.inventory;
  if (typeof inventoryArgument !== 'string' || inventoryArgument === '') {
    throw new UsageError('place needs --inventory FILE (the output of `kubectl get nodes -o yaml`)', COMMAND);
  }
  if (positionals.length === 0) {
    throw new UsageError('place needs at least one MANIFEST (a file, a directory, or - for stdin)', COMMAND);
  }

  const reader = new SourceReader(io);
  const inventorySource = await reader.readFile(inventoryArgument, 'inventory');
  const nodes = parseInventory(inventorySource.text, inventorySource.name);
  return place.placeReport({
    nodes,
    manifests: positionals,
    output,
    groupNodes,
    kubernetesVersion,
    expectations: {
      everyNode,
      exactlyOnce,
      failOnErrors: values['fail-on-errors'] === true,
      failOnAdvisories: values['fail-on-advisories'] === true,
      failOnWarnings: values.strict === true,
    },
  }, reader);
}
