import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from './parseCliArgs.js';

describe('parseCliArgs', () => {
  it('reads every option, with 8008 and sample data by default', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { port: 8008 } });
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--seed',
      '3',
      '--projects',
      '2',
      '--tasks=10',
      '--models',
      '4',
      '--data',
      'x.json',
      '--access-key',
      'FAKE_K',
      '--secret-key',
      'fake-s',
      '--token-lifetime',
      '60',
      '--no-sample-data',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        seed: 3,
        projects: 2,
        tasks: 10,
        models: 4,
        dataFile: 'x.json',
        accessKey: 'FAKE_K',
        secretKey: 'fake-s',
        tokenLifetimeSec: 60,
        sampleData: false,
      },
    });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it('when an option is unknown, lacks a value or is not a number, then a named error', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--port'])).toThrow(/--port needs a value/);
    expect(() => parseCliArgs(['--tasks', 'many'])).toThrow(/--tasks must be a whole number/);
    expect(() => parseCliArgs(['--token-lifetime', '0'])).toThrow(/--token-lifetime/);
  });

  it('reads --big-project NAME:N (repeatable, split at the last colon)', () => {
    expect(parseCliArgs(['--big-project', 'Scale/Big:7500', '--big-project=a:b:3'])).toEqual({
      help: false,
      options: { port: 8008 },
      bigProjects: [
        { name: 'Scale/Big', tasks: 7500 },
        { name: 'a:b', tasks: 3 },
      ],
    });
  });

  it('when --big-project lacks a name or a positive count, then a named error', () => {
    for (const bad of ['Big', ':10', 'Big:', 'Big:0', 'Big:1.5', 'Big:-2']) {
      expect(() => parseCliArgs(['--big-project', bad])).toThrow(
        /--big-project must be NAME:TASKS/,
      );
    }
    expect(() => parseCliArgs(['--big-project'])).toThrow(/--big-project must be NAME:TASKS/);
  });
});

describe('the CLI process', () => {
  it('serves the sample data, prints url and fake credentials, and saves --data on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const dataFile = join(dir, 'state.json');
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', cli, '--port', '0', '--data', dataFile],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no url printed: ${out}`)), 15_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('control:')) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('FAKE_EMULATOR_ACCESS_KEY');
      const login = await fetch(`${url}/auth.login`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('FAKE_EMULATOR_ACCESS_KEY:fake-emulator-secret-key').toString('base64')}`,
        },
      });
      const token = ((await login.json()) as { data: { token: string } }).data.token;
      const tasks = await fetch(`${url}/tasks.get_all`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: '{"page_size":5}',
      });
      expect(tasks.status).toBe(200);
      expect(((await tasks.json()) as { data: { tasks: unknown[] } }).data.tasks).toHaveLength(5);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(dataFile)).toBe(true);
      expect(JSON.parse(readFileSync(dataFile, 'utf8')).tasks.length).toBeGreaterThan(1000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
