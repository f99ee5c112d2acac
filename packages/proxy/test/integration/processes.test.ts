// Acceptance 2: the emulator and the proxy as separate processes, talking only over HTTP (the
// proxy gets an address and keys, nothing else). Also main.ts's own behaviour: demo mode, the
// production refusal, and a clean exit on SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractProblems } from './helpers/contract.js';
import { baseEnv, PROXY_DIR, spawnTs, type RunningProcess } from './helpers/spawnProcess.js';

const EMULATOR_CLI = join(PROXY_DIR, '../clearml-emulator/src/cli.ts');
const MAIN = join(PROXY_DIR, 'src/main.ts');
const ACCESS = 'FAKE_PROCESS_TEST_ACCESS_KEY';
const SECRET = 'fake-process-test-secret-key';

let cwd: string;
const started: RunningProcess[] = [];
const seen: string[] = [];

beforeAll(async () => {
  // An empty working directory: no .env of the developer's is read.
  cwd = await mkdtemp(join(tmpdir(), 'proxy-proc-'));
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  await rm(cwd, { recursive: true, force: true });
});

function start(entry: string, args: string[], env: Record<string, string>) {
  const p = spawnTs(entry, args, { env: { ...baseEnv(), ...env }, cwd });
  started.push(p);
  return p;
}

async function get(base: string, path: string, operationId: string, init?: RequestInit) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  const body: unknown = JSON.parse(text);
  expect(contractProblems(operationId, res.status, res.headers.get('content-type'), body)).toEqual(
    [],
  );
  return { status: res.status, body, headers: res.headers };
}

async function proxyUrl(proxy: RunningProcess) {
  return (await proxy.waitFor(/"msg":"listening","url":"(http:\/\/127\.0\.0\.1:\d+)"/))[1]!;
}

describe('emulator and proxy as separate processes', () => {
  it('serves every endpoint through HTTP only, and stops cleanly on SIGTERM', async () => {
    const emulator = start(
      EMULATOR_CLI,
      ['--port', '0', '--access-key', ACCESS, '--secret-key', SECRET],
      {},
    );
    const upstream = (await emulator.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const proxy = start(MAIN, [], {
      CLEARML_API_HOST: upstream,
      CLEARML_API_ACCESS_KEY: ACCESS,
      CLEARML_API_SECRET_KEY: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_MODE: 'none',
    });
    const base = await proxyUrl(proxy);

    expect((await get(base, '/', 'getWelcome')).body).toMatchObject({ mode: 'clearml' });
    expect((await get(base, '/health', 'getHealth')).status).toBe(200);
    const projects = await get(base, '/projects?search=Detection', 'listProjects');
    expect((projects.body as { items: { name: string }[] }).items.map((p) => p.name)).toContain(
      'Vision/Detection',
    );
    const tasks = await get(
      base,
      '/projects/cats/tasks?status=completed&status=failed',
      'listProjectTasks',
    );
    const first = (tasks.body as { items: { id: string; status: string }[] }).items[0]!;
    expect(['completed', 'failed']).toContain(first.status);
    await get(base, `/projects/cats/tasks/${first.id}`, 'getProjectTask');
    const created = await get(base, '/projects/cats/tasks/create', 'createProjectTask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'process-test-0001' },
      body: JSON.stringify({ name: 'from another process' }),
    });
    expect(created.status).toBe(201);
    const models = await get(base, '/models?page_size=5', 'listModels');
    expect((models.body as { items: unknown[] }).items).toHaveLength(5);

    // The emulator process saw the proxy's calls (there is no other way in).
    const calls = (await (await fetch(`${upstream}/_emulator/calls`)).json()) as Record<
      string,
      number
    >;
    expect(calls['auth.login']).toBeGreaterThanOrEqual(1);
    expect(calls['tasks.create']).toBe(1);

    expect(await proxy.stop('SIGTERM')).toBe(0);
    expect(proxy.stdout()).toContain('"msg":"stopped","drained":true');
    const everything = [...seen, proxy.stdout(), proxy.stderr()].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(ACCESS);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./);
  }, 60_000);
});

describe('main.ts on its own', () => {
  it('with nothing configured, runs in demo mode on loopback and says so loudly', async () => {
    const proxy = start(MAIN, [], { PORT: '0' });
    const base = await proxyUrl(proxy);
    expect(proxy.stderr()).toContain('DEMO MODE');
    expect((await get(base, '/', 'getWelcome')).body).toMatchObject({ mode: 'demo' });
    expect((await get(base, '/health', 'getHealth')).body).toMatchObject({
      status: 'ok',
      mode: 'demo',
    });
    // The sample data's dates are moved to end about now, so the demo reads like a live server.
    const latest = (
      await get(
        base,
        '/projects/Big%20Project/tasks?sort=-last_update&page_size=1',
        'listProjectTasks',
      )
    ).body as { items: { last_update: string }[] };
    const age = Date.now() - Date.parse(latest.items[0]!.last_update);
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(7 * 86_400_000);
    expect(await proxy.stop('SIGINT')).toBe(0);
    expect(proxy.stdout()).toContain('"msg":"stopped"');
  }, 60_000);

  it('with NODE_ENV=production and no ClearML settings, refuses to start naming CLEARML_API_HOST', async () => {
    const proxy = start(MAIN, [], { NODE_ENV: 'production', PORT: '0' });
    expect(await proxy.exited()).toBe(1);
    expect(proxy.stderr()).toMatch(/CLEARML_API_HOST: required when NODE_ENV=production/);
  }, 60_000);

  it('with only half of the ClearML settings, refuses to start naming what is missing', async () => {
    const proxy = start(MAIN, [], { CLEARML_API_HOST: 'http://127.0.0.1:9', PORT: '0' });
    expect(await proxy.exited()).toBe(1);
    expect(proxy.stderr()).toContain('CLEARML_API_SECRET_KEY: required');
  }, 60_000);
});
