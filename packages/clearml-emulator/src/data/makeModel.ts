import type { Model } from '../store/entities.js';
import { ARCHIVED_TAG } from '../store/entities.js';
import type { Prng } from './createPrng.js';
import { BASE_DATE_MS, SAMPLE_USERS, type Domain } from './domains.js';

export interface ModelSeed {
  domain: Domain;
  project?: string;
  task?: string;
  /** Links the model to its task's timeline. */
  createdMs?: number;
  ready?: boolean;
  name?: string;
  framework?: string;
}

const EXT: Record<string, string> = {
  PyTorch: 'pt',
  ONNX: 'onnx',
  TensorRT: 'engine',
  TensorFlow: 'savedmodel.zip',
  Keras: 'keras',
  'scikit-learn': 'pkl',
  XGBoost: 'json',
  LightGBM: 'txt',
};

/** A model as training code registers it: weights URI, labels, design, metadata. */
export function makeModel(
  prng: Prng,
  seed: ModelSeed,
): Partial<Model> & { id: string; name: string } {
  const framework = seed.framework ?? prng.pick(seed.domain.frameworks);
  const arch = prng.pick(seed.domain.archs);
  const id = prng.hex(32);
  const created = seed.createdMs ?? BASE_DATE_MS - prng.int(0, 240) * 86_400_000;
  const name =
    seed.name ??
    `${arch}_${prng.pick(seed.domain.datasets)}_${prng.pick(['best', 'last', 'epoch50', 'int8', 'distilled'])}`;
  const file = `${name}.${EXT[framework] ?? 'bin'}`;
  const uri = prng.chance(0.7)
    ? `s3://acme-ml-models/${arch}/${id.slice(0, 8)}/${file}`
    : `file:///mnt/models/${arch}/${file}`;
  const labels = Object.fromEntries(seed.domain.labels.map((l, i) => [l, i]));
  const tags = prng.chance(0.4)
    ? [prng.pick(['production', 'candidate', 'quantized', 'baseline'])]
    : [];
  return {
    id,
    name,
    user: prng.pick(SAMPLE_USERS).id,
    created: new Date(created).toISOString(),
    last_update: new Date(created + prng.int(1, 72) * 3_600_000).toISOString(),
    framework,
    ready: seed.ready ?? prng.chance(0.45),
    uri,
    labels,
    design: { design: `{"arch": "${arch}", "num_classes": ${seed.domain.labels.length}}` },
    tags,
    system_tags: prng.chance(0.07) ? [ARCHIVED_TAG] : [],
    comment: prng.chance(0.5) ? `Weights of ${arch} exported as ${framework}` : '',
    metadata: {
      input_size: {
        key: 'input_size',
        type: 'str',
        value: prng.pick(['640x640', '512x512', '224x224', '16000Hz']),
      },
    },
    ...(seed.project ? { project: seed.project } : {}),
    ...(seed.task ? { task: seed.task } : {}),
  };
}
