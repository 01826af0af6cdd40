/** The help texts, written for a terminal 100 columns wide. */

const MANIFEST_HELP = `MANIFEST is a YAML or JSON file (any number of documents; \`List\` objects are unwrapped), a
directory (its *.yaml, *.yml and *.json files, recursively, in sorted order), or - for stdin.`;

const EXIT_HELP = `Exit status: 0 ok; 1 a check failed; 2 bad input or usage (one line on stderr, nothing on
stdout); 70 an internal error (a bug in everynode: please report it); 74 stdout could not be
written.`;

export const MAIN_USAGE = `Usage: everynode <command> [options]

Says on which nodes each DaemonSet runs a pod, exactly as the DaemonSet controller decides, and
whether the API server accepts the DaemonSets.

Commands:
  place      Show where every DaemonSet runs a pod on the nodes of an inventory
  validate   Check DaemonSets as the API server does on create (or update, with --previous)
  diff       Show what a change of DaemonSets (and nodes) does to their pods
  help       Show this help, or a command's help: everynode help place

Options:
  -h, --help   Show help
  --version    Print everynode's version

${MANIFEST_HELP}

${EXIT_HELP}
`;

export const PLACE_USAGE = `Usage: everynode place --inventory FILE [options] MANIFEST...

Says, for every DaemonSet in MANIFEST and every node of the inventory, whether the DaemonSet
controller runs a daemon pod there and why not, how the rollout proceeds, and which of its pods
would not run: left Pending by the scheduler, or failing on a node of another OS.

Options:
  -i, --inventory FILE         The nodes: \`kubectl get nodes -o yaml\` or -o json output; - for stdin
  -o, --output FORMAT          table (default), markdown, json (the PlacementReport), or html (one
                               self-contained page: the matrix, nodes always grouped, with filters
                               and reasons)
  --group-nodes WHEN           Fold nodes with the same verdicts into one row: auto (default: above
                               30 nodes), always, never
  --expect-every-node NAME     Exit 1 unless DaemonSet NAME (name or namespace/name) runs a pod on
                               every node; repeatable
  --expect-exactly-once FAMILY Exit 1 unless variant family FAMILY (name or namespace/name of the
                               DaemonSets labelled everynode.io/family=name) runs at most one
                               variant on each node, and one on every node if it has a variant
                               named default; repeatable
  --fail-on-errors             Exit 1 when a DaemonSet has validation errors
  --fail-on-advisories         Exit 1 when a DaemonSet has advisories (pods that would not run)
  --strict                     Exit 1 on warnings too: unknown fields, non-integer Gt/Lt values,
                               image references no registry accepts, objects defined twice
  --kubernetes-version VERSION Report errors and warnings as validate --kubernetes-version does
  -h, --help                   Show this help

${MANIFEST_HELP}

Examples:
  kubectl get nodes -o yaml > nodes.yaml
  everynode place --inventory nodes.yaml dist/
  helm template ./chart | everynode place -i nodes.yaml --expect-every-node kube-system/fluent-bit -
  everynode place -i nodes.yaml --expect-exactly-once observability/node-agent dist/

Exit status: 0 evaluated and every expectation held; 1 an expectation failed (one line each on
stderr); 2 bad input or usage; 70 an internal error; 74 stdout could not be written.
`;

export const VALIDATE_USAGE = `Usage: everynode validate [--previous FILE...] [options] MANIFEST...

Checks every DaemonSet in MANIFEST as the API server does on create, with field paths written the
way the API server writes them. With --previous, checks them as an update of the DaemonSets last
released (matched by namespace/name): a changed spec.selector is rejected. A DaemonSet whose
selector matches the pods of another object in its namespace (a workload, a Pod, another
DaemonSet) is an error; annotate the object everynode.io/selected-by: DAEMONSET if it is meant to.

Options:
  --previous FILE              The DaemonSets as last released (file, directory or -); repeatable
  -o, --output FORMAT          text (default) or json
  --strict                     Treat warnings as failures: unknown fields, non-integer Gt/Lt
                               values, image references no registry accepts, objects defined twice
  --kubernetes-version VERSION Check as the API server of this version (1.21, v1.29.3): maxSurge is
                               an error before 1.22, and tolerating only a control-plane taint name
                               its nodes do not carry (master from 1.25, control-plane before 1.24)
                               a warning (default: the latest, with both names in use)
  -h, --help                   Show this help

A wrongly typed value (\`minReadySeconds: "10"\`) is an error, as the API server cannot decode it.
Warnings print as \`warning:\` lines (\`warnings\` in JSON): the API server accepts them.

${MANIFEST_HELP}

Exit status: 0 every DaemonSet is valid; 1 some DaemonSet is invalid or two objects collide (or,
with --strict, there is a warning); 2 bad input or usage;
70 an internal error; 74 stdout could not be written.
`;

export const DIFF_USAGE = `Usage: everynode diff --before FILE... --after FILE... --inventory FILE [options]

Says, for every DaemonSet (matched by namespace/name), what a change does to its pods: the nodes
that gain a pod, the nodes that lose theirs and why, whether the pod template changed and how many
pods the rollout replaces in how many waves, DaemonSets added and removed. A changed spec.selector,
which the API server rejects, gets the way through: delete with --cascade=orphan, create, and which
old pods the new DaemonSet adopts.

Options:
  --before FILE                The manifests as released (file, directory or -); repeatable
  --after FILE                 The manifests with the change (file, directory or -); repeatable
  -i, --inventory FILE         The nodes: \`kubectl get nodes -o yaml\` or -o json output
  --inventory-after FILE       The nodes after the change, matched by name (default: --inventory)
  -o, --output FORMAT          table (default), markdown (a pull-request comment), or json
  -h, --help                   Show this help

Examples:
  git show main:dist/agents.k8s.yaml > before.yaml
  everynode diff --before before.yaml --after dist/agents.k8s.yaml -i nodes.yaml -o markdown

Exit status: 0 evaluated; 2 bad input or usage (a DaemonSet defined twice on one side, too); 70 an
internal error; 74 stdout could not be written.
`;

/** The help of each command, by the name the user types. */
export const COMMAND_USAGE: ReadonlyMap<string, string> = new Map([
  ['place', PLACE_USAGE],
  ['validate', VALIDATE_USAGE],
  ['diff', DIFF_USAGE],
]);
