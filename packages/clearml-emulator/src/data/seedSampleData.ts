import type { EmulatorStore } from '../store/EmulatorStore.js';
import { HIDDEN_TAG } from '../store/entities.js';
import type { Prng } from './createPrng.js';
import { BASE_DATE_MS, DOMAINS, SAMPLE_USERS, type DomainKey } from './domains.js';
import { makeModel } from './makeModel.js';
import { makeTask } from './makeTask.js';
import { TASK_STATUSES, TASK_TYPES } from '../endpoints/listSpec.js';

interface ProjectPlan {
  name: string;
  domain: DomainKey;
  tasks: number;
  description?: string;
  systemTags?: string[];
  taskSystemTags?: string[];
  taskType?: string;
}

// Names chosen to trip naive clients: regex look-alikes, prefixes of each other, hidden ones.
const PLAN: readonly ProjectPlan[] = [
  { name: 'Vision', domain: 'detection', tasks: 4, description: 'Computer vision experiments' },
  { name: 'Vision/Detection', domain: 'detection', tasks: 24, description: 'Object detection' },
  {
    name: 'Vision/Detection/YOLOv8',
    domain: 'detection',
    tasks: 40,
    description: 'YOLOv8 fine-tuning on customer data',
  },
  {
    name: 'Vision/Segmentation',
    domain: 'segmentation',
    tasks: 30,
    description: 'Semantic segmentation',
  },
  {
    name: 'Vision/.datasets',
    domain: 'detection',
    tasks: 6,
    systemTags: [HIDDEN_TAG],
    taskSystemTags: ['dataset', HIDDEN_TAG],
    taskType: 'data_processing',
  },
  { name: 'NLP', domain: 'nlp', tasks: 3, description: 'Language models' },
  { name: 'NLP/Sentiment', domain: 'nlp', tasks: 36, description: 'Review sentiment classifiers' },
  { name: 'Audio', domain: 'audio', tasks: 22, description: 'Audio event detection and ASR' },
  {
    name: 'cats',
    domain: 'tabular',
    tasks: 7,
    description: 'Cat breed classifier, first data set',
  },
  {
    name: 'cats_v2',
    domain: 'tabular',
    tasks: 11,
    description: 'Cat breed classifier, relabelled data',
  },
  { name: 'a.b', domain: 'tabular', tasks: 4, description: 'A dot in the name: a regex wildcard' },
  { name: '(x) y', domain: 'tabular', tasks: 3, description: 'Parentheses: a regex group' },
  { name: 'Archive/Legacy Detection', domain: 'detection', tasks: 9, systemTags: ['archived'] },
  {
    name: 'Big Project',
    domain: 'detection',
    tasks: 1200,
    description: 'More tasks than one ClearML page',
  },
];

/** Names of the hand-made projects, for tests and docs. */
export const SAMPLE_PROJECT_NAMES = PLAN.map((p) => p.name);

/** The hand-made, realistic demo set; the same seed always gives the same data. */
export function seedSampleData(store: EmulatorStore, prng: Prng): void {
  for (const u of SAMPLE_USERS) store.addUser(u);
  // A few pretrained models with no task, used as input models below.
  const pretrained = (Object.keys(DOMAINS) as DomainKey[]).map((key) =>
    store.addModel({
      ...makeModel(prng, {
        domain: DOMAINS[key],
        ready: true,
        name: `${DOMAINS[key].archs[0]} pretrained`,
        framework: DOMAINS[key].frameworks[0],
      }),
      tags: ['pretrained'],
      system_tags: [],
    }),
  );
  let coverage = 0;
  PLAN.forEach((plan, index) => {
    const created = new Date(BASE_DATE_MS - (300 - index * 5) * 86_400_000).toISOString();
    const project = store.addProject({
      name: plan.name,
      user: SAMPLE_USERS[index % SAMPLE_USERS.length]?.id,
      created,
      last_update: created,
      system_tags: plan.systemTags ?? [],
      ...(plan.description ? { description: plan.description } : {}),
    });
    const domainKey = plan.domain;
    const domain = DOMAINS[domainKey];
    const light = plan.tasks > 100;
    for (let i = 0; i < plan.tasks; i++) {
      // The first tasks walk through every status and type so each appears at least once.
      const status =
        !light && coverage < 30 ? TASK_STATUSES[coverage % TASK_STATUSES.length] : undefined;
      const type =
        plan.taskType ??
        (!light && coverage < 30 ? TASK_TYPES[coverage % TASK_TYPES.length] : undefined);
      coverage++;
      const data = makeTask(prng, {
        project: project.id,
        domain,
        light,
        status,
        type,
        systemTags: plan.taskSystemTags,
      });
      const input = pretrained[(Object.keys(DOMAINS) as DomainKey[]).indexOf(domainKey)];
      if (!light && input && data.type === 'training')
        data.models = { input: [{ name: 'Input Model', model: input.id }] };
      const task = store.addTask(data);
      const ended = ['completed', 'published', 'closed'].includes(task.status);
      if (!light && task.type === 'training' && ended && prng.chance(0.7)) {
        const model = store.addModel(
          makeModel(prng, {
            domain,
            project: project.id,
            task: task.id,
            createdMs: Date.parse(String(task.completed ?? task.last_update)),
            ready: task.status === 'published' ? true : undefined,
          }),
        );
        task.models = {
          ...task.models,
          output: [{ name: task.name.split(' ')[0] ?? 'Output Model', model: model.id }],
        };
      }
    }
  });
  store.touch();
}
