// Prints how long list calls take over HTTP at 100,000 tasks (run: pnpm --filter
// @cvat-clearml/clearml-emulator measure). Figures, not assertions: machines differ.
import { startEmulator } from '../startEmulator.js';
import { apiClient } from './apiClient.js';

const t0 = performance.now();
const emu = await startEmulator({
  quiet: true,
  sampleData: false,
  projects: 10,
  tasks: 90_000,
  models: 1000,
});
emu.seedMore({ tasks: 10_000, projectName: 'Scale/Ten Thousand' });
console.log(
  `seeded ${JSON.stringify(emu.store.counts())} in ${Math.round(performance.now() - t0)} ms`,
);
const api = apiClient(emu);
const project = emu.store.getProjectByName('Scale/Ten Thousand')!.id;

async function time(
  label: string,
  body: Record<string, unknown>,
  endpoint = 'tasks.get_all_ex',
  runs = 20,
) {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rows = (await api.data(endpoint, body)).tasks?.length ?? 0;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const first = samples.length ? Math.max(...samples) : 0;
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `${label}: ${rows} rows, median ${median.toFixed(2)} ms, slowest ${first.toFixed(2)} ms`,
  );
}

const only = ['id', 'name', 'status', 'type', 'last_update', 'project.name', 'user.name'];
await time('page 0 of 50, 10k-task project, -last_update', {
  project: [project],
  page: 0,
  page_size: 50,
  order_by: ['-last_update'],
  only_fields: only,
});
await time('page 150 of 50, same', {
  project: [project],
  page: 150,
  page_size: 50,
  order_by: ['-last_update'],
  only_fields: only,
});
await time('page 0 of 50, status filter + -archived', {
  project: [project],
  status: ['completed', 'failed'],
  system_tags: ['-archived'],
  page_size: 50,
  order_by: ['-last_update'],
  only_fields: only,
});
await time('page 0 of 50, name regex in project', {
  project: [project],
  name: 'yolov8',
  page_size: 50,
  order_by: ['name'],
  only_fields: only,
});
await time('page 0 of 50, all 100k tasks, -created', {
  page_size: 50,
  order_by: ['-created'],
  only_fields: only,
});
await emu.stop();
