import type { EmulatorOptions } from './types.js';

export const CLI_USAGE = `clearml-emulator: a ClearML API server in miniature, for demos and tests

Usage: clearml-emulator [options]

  --port N              port to listen on (default 8008; 0 = any free port)
  --host H              address to bind (default 127.0.0.1)
  --seed N              seed of the generated data (default 42)
  --projects N          extra generated projects (default 0)
  --tasks N             extra generated tasks (default 0)
  --models N            extra generated models (default 0)
  --big-project NAME:N  N more generated tasks in project NAME (created if missing);
                        may be repeated
  --data FILE           load state from FILE if it exists, save to it on exit
  --access-key KEY      access key to accept (default FAKE_EMULATOR_ACCESS_KEY)
  --secret-key SECRET   secret key to accept (default fake-emulator-secret-key)
  --token-lifetime SEC  lifetime of issued tokens in seconds (default 30 days)
  --no-sample-data      start without the hand-made demo data
  --quiet               no console output
  --help                this text
`;

/** `--big-project NAME:N`: one project with many tasks (scale runs need deep paging). */
export interface BigProject {
  name: string;
  tasks: number;
}

export type CliParse =
  { help: true } | { help: false; options: EmulatorOptions; bigProjects?: BigProject[] };

export class CliArgsError extends Error {}

const NUMERIC: Record<string, keyof EmulatorOptions> = {
  '--port': 'port',
  '--seed': 'seed',
  '--projects': 'projects',
  '--tasks': 'tasks',
  '--models': 'models',
  '--token-lifetime': 'tokenLifetimeSec',
};
const TEXT: Record<string, keyof EmulatorOptions> = {
  '--host': 'host',
  '--data': 'dataFile',
  '--access-key': 'accessKey',
  '--secret-key': 'secretKey',
};

/** Parses the CLI's arguments (`--name value` or `--name=value`); throws CliArgsError naming the problem. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: Record<string, unknown> = { port: 8008 };
  const bigProjects: BigProject[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--no-sample-data') {
      options.sampleData = false;
      continue;
    }
    if (flag === '--quiet') {
      options.quiet = true;
      continue;
    }
    if (flag === '--big-project') {
      bigProjects.push(parseBigProject(inline ?? argv[++i]));
      continue;
    }
    const key = NUMERIC[flag] ?? TEXT[flag];
    if (!key) throw new CliArgsError(`unknown option ${flag} (see --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new CliArgsError(`${flag} needs a value`);
    if (NUMERIC[flag]) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0)
        throw new CliArgsError(`${flag} must be a whole number >= 0, got '${value}'`);
      if (flag === '--token-lifetime' && n === 0)
        throw new CliArgsError('--token-lifetime must be > 0');
      options[key] = n;
    } else {
      options[key] = value;
    }
  }
  const result: CliParse = { help: false, options: options as EmulatorOptions };
  if (bigProjects.length > 0) result.bigProjects = bigProjects;
  return result;
}

function parseBigProject(value: string | undefined): BigProject {
  // The last ':' splits, so a project name may itself contain ':'.
  const cut = value?.lastIndexOf(':') ?? -1;
  const name = value?.slice(0, cut).trim() ?? '';
  const tasks = Number(value?.slice(cut + 1));
  if (!value || cut <= 0 || name === '' || !Number.isInteger(tasks) || tasks <= 0) {
    throw new CliArgsError(`--big-project must be NAME:TASKS (TASKS > 0), got '${value ?? ''}'`);
  }
  return { name, tasks };
}
