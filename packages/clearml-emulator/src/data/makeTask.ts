import { createHash } from 'node:crypto';
import type { NewTask } from '../store/EmulatorStore.js';
import { ARCHIVED_TAG } from '../store/entities.js';
import type { Prng } from './createPrng.js';
import { BASE_DATE_MS, QUEUES, SAMPLE_USERS, type Domain } from './domains.js';

export const STATUS_WEIGHTS = [
  ['completed', 45],
  ['failed', 9],
  ['stopped', 9],
  ['in_progress', 8],
  ['created', 10],
  ['queued', 5],
  ['published', 8],
  ['closed', 3],
  ['publishing', 1],
  ['unknown', 2],
] as const;

export const TYPE_WEIGHTS = [
  ['training', 55],
  ['testing', 10],
  ['inference', 8],
  ['data_processing', 9],
  ['optimizer', 3],
  ['controller', 3],
  ['application', 2],
  ['monitor', 2],
  ['service', 2],
  ['qc', 3],
  ['custom', 3],
] as const;

const TAGS = [
  'baseline',
  'best',
  'ablation',
  'fp16',
  'prod-candidate',
  'sweep',
  'debug',
  'v2-data',
];
const DAY = 24 * 3600 * 1000;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export type SampleTask = NewTask & { id: string; type: string; status: string };

export interface TaskSeed {
  project: string;
  domain: Domain;
  /** Light tasks skip the bulky parts (configuration, requirements) for 100,000-task runs. */
  light?: boolean;
  status?: string;
  type?: string;
  systemTags?: string[];
  name?: string;
}

/** A task that looks like one a team really ran: script, hyperparameters, metrics, times. */
export function makeTask(prng: Prng, seed: TaskSeed): SampleTask {
  const { domain } = seed;
  const status = seed.status ?? prng.weighted(STATUS_WEIGHTS);
  const type = seed.type ?? prng.weighted(TYPE_WEIGHTS);
  const arch = prng.pick(domain.archs);
  const dataset = prng.pick(domain.datasets);
  const lr = prng.pick(['0.1', '0.01', '0.003', '0.001', '0.0003', '0.0001']);
  const batch = prng.pick(['8', '16', '32', '64', '128']);
  const epochs = prng.pick(['10', '30', '50', '100', '300']);
  const created = BASE_DATE_MS - prng.int(0, 240) * DAY - prng.int(0, DAY - 1);
  const ran = !['created', 'queued'].includes(status);
  const ended = ran && status !== 'in_progress';
  const started = ran ? created + prng.int(1, 90) * 60_000 : undefined;
  const duration = ran ? prng.int(5, 60 * 20) * 60 : undefined;
  const completed = ended && started && duration ? started + duration * 1000 : undefined;
  const lastUpdate = completed ?? (started ? started + prng.int(1, 300) * 60_000 : created);
  const iterations = ran ? prng.int(1, Number(epochs)) * 100 : undefined;
  const name =
    seed.name ??
    `${arch} ${dataset} ${prng.pick(['lr=' + lr, 'bs=' + batch, 'ep=' + epochs, 'aug=strong', 'frozen-backbone', 'run ' + prng.int(1, 12)])}`;
  const iso = (ms: number) => new Date(ms).toISOString();
  const systemTags = [...(seed.systemTags ?? [])];
  if (prng.chance(0.08)) systemTags.push(ARCHIVED_TAG);
  const task: Record<string, unknown> = {
    id: prng.hex(32),
    name,
    user: prng.pick(SAMPLE_USERS).id,
    type,
    status,
    project: seed.project,
    created: iso(created),
    last_update: iso(lastUpdate),
    last_change: iso(lastUpdate),
    status_changed: iso(lastUpdate),
    tags: prng.chance(0.5)
      ? [prng.pick(TAGS)]
      : prng.chance(0.3)
        ? [prng.pick(TAGS), prng.pick(TAGS)].filter((t, i, a) => a.indexOf(t) === i)
        : [],
    system_tags: systemTags,
    script: {
      binary: 'python3.10',
      repository: domain.repo,
      branch: prng.pick(['main', 'main', 'develop', `feature/${arch}`]),
      version_num: prng.hex(40),
      entry_point: prng.pick(domain.entryPoints),
      working_dir: '.',
      ...(seed.light ? {} : { requirements: { pip: domain.requirements } }),
    },
    hyperparams: {
      Args: {
        lr: {
          section: 'Args',
          name: 'lr',
          value: lr,
          type: 'float',
          description: 'initial learning rate',
        },
        batch_size: { section: 'Args', name: 'batch_size', value: batch, type: 'int' },
        ...(seed.light
          ? {}
          : {
              epochs: { section: 'Args', name: 'epochs', value: epochs, type: 'int' },
              model: { section: 'Args', name: 'model', value: arch, type: 'str' },
            }),
      },
      ...(seed.light
        ? {}
        : {
            General: {
              dataset: { section: 'General', name: 'dataset', value: dataset, type: 'str' },
              seed: {
                section: 'General',
                name: 'seed',
                value: String(prng.int(0, 9999)),
                type: 'int',
              },
            },
          }),
    },
    container: { image: domain.image, arguments: '--ipc=host', setup_shell_script: '' },
  };
  if (!seed.light) {
    task.configuration = {
      OmegaConf: {
        name: 'OmegaConf',
        type: 'OmegaConf YAML',
        description: 'full configuration of the run',
        value: `model:\n  name: ${arch}\n  pretrained: true\ndata:\n  dataset: ${dataset}\n  batch_size: ${batch}\noptim:\n  name: adamw\n  lr: ${lr}\n  weight_decay: 0.05\ntrainer:\n  max_epochs: ${epochs}\n  precision: 16-mixed\n`,
      },
    };
    if (prng.chance(0.3))
      task.comment = `Auto-generated by ClearML agent on ${prng.pick(['gpu-node-03', 'gpu-node-07', 'a100-pool-1'])}.`;
  }
  if (started !== undefined) task.started = iso(started);
  if (completed !== undefined) task.completed = iso(completed);
  if (duration !== undefined) task.active_duration = duration;
  if (status === 'published') task.published = iso(lastUpdate);
  if (status === 'queued' || status === 'in_progress')
    task.execution = { queue: prng.pick(QUEUES) };
  if (status === 'failed') task.status_message = 'Process terminated with exit code 1';
  if (iterations !== undefined) {
    task.last_iteration = iterations;
    task.last_metrics = lastMetrics(prng, domain, iterations, seed.light === true);
  }
  return task as SampleTask;
}

function lastMetrics(prng: Prng, domain: Domain, iterations: number, light: boolean) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [metric, variant, start, end] of light ? domain.metrics.slice(0, 1) : domain.metrics) {
    const progress = 0.4 + prng.next() * 0.6;
    const value = Number((start + (end - start) * progress).toFixed(4));
    const mk = md5(metric);
    out[mk] ??= {};
    out[mk][md5(variant)] = {
      metric,
      variant,
      value,
      min_value: Math.min(start, value),
      max_value: Math.max(start, value),
      min_value_iteration: start < value ? 0 : iterations,
      max_value_iteration: start < value ? iterations : 0,
      first_value: start,
      first_value_iteration: 0,
      count: Math.max(1, Math.floor(iterations / 10)),
    };
  }
  return out;
}
