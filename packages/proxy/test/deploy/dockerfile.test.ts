import { describe, expect, it } from 'vitest';
import { PROXY_NODE_FLAGS } from '../../bench/benchSetup.js';
import { createDockerignore } from './createDockerignore.js';
import { findDockerfileProblems, type DockerfileContext } from './findDockerfileProblems.js';
import { findAddressLiterals } from './findLeaks.js';
import { loadCompose, readRepoFile, repoPathExists } from './loadDeployFiles.js';
import { DockerfileSyntaxError, parseDockerfile, parseEnv } from './parseDockerfile.js';

const text = readRepoFile('packages/proxy/Dockerfile');
const packageManager = (JSON.parse(readRepoFile('package.json')) as { packageManager: string })
  .packageManager;
const context: DockerfileContext = {
  pnpmVersion: packageManager.replace(/^pnpm@/, ''),
  exists: repoPathExists,
  isIgnored: createDockerignore(readRepoFile('.dockerignore')).isIgnored,
};
const problemsOf = (source: string) => findDockerfileProblems(parseDockerfile(source), context);

describe('packages/proxy/Dockerfile', () => {
  it('meets every rule: stages, non-root runtime, production env, health check, built output only', () => {
    expect(problemsOf(text)).toEqual([]);
  });

  it('builds in stages and runs from a fresh node image', () => {
    const { stages } = parseDockerfile(text);
    expect(stages.map((s) => s.name)).toEqual(['base', 'deps', 'build', 'prod-deps', 'runtime']);
    expect(stages.at(-1)!.from).toMatch(/^node:20-/);
  });

  it('installs the pnpm version that package.json pins', () => {
    expect(packageManager).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    expect(text).toContain(`npm install -g ${packageManager}`);
  });

  it('has no address literal but the wildcard bind and loopback for the health probe', () => {
    expect(findAddressLiterals(text, ['0.0.0.0', '127.0.0.1'])).toEqual([]);
  });

  it('probes the same /health as the compose files do', () => {
    const health = parseDockerfile(text)
      .stages.at(-1)!
      .instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
    const compose = loadCompose('docker-compose.yml') as {
      services: { clearml_api: { healthcheck: { test: string[] } } };
    };
    expect(compose.services.clearml_api.healthcheck.test.slice(1)).toEqual(health.exec);
  });

  it('runs node with the V8 flags of `pnpm start`, which the bench measures', () => {
    const cmd = parseDockerfile(text)
      .stages.at(-1)!
      .instructions.filter((i) => i.keyword === 'CMD')
      .at(-1)!.exec!;
    const start = (
      JSON.parse(readRepoFile('packages/proxy/package.json')) as { scripts: { start: string } }
    ).scripts.start;
    const v8Flags = (args: string[]) =>
      args.filter((a) => a.startsWith('--') && !a.startsWith('--conditions') && a !== '--import');
    expect(v8Flags(cmd.slice(1))).toEqual(PROXY_NODE_FLAGS);
    expect(v8Flags(start.split(/\s+/).slice(1))).toEqual(PROXY_NODE_FLAGS);
  });

  describe('when the file is broken, the checks say so', () => {
    const mutations: [string, (t: string) => string, RegExp][] = [
      ['the runtime runs as root', (t) => t.replace('USER node', 'USER root'), /runs as root/],
      ['USER is dropped', (t) => t.replace('USER node\n', ''), /runs as root \(no USER\)/],
      [
        'NODE_ENV is development',
        (t) => t.replace('NODE_ENV=production', 'NODE_ENV=development'),
        /NODE_ENV should be production/,
      ],
      [
        'AUTH_MODE is none',
        (t) => t.replace('AUTH_MODE=cvat', 'AUTH_MODE=none'),
        /AUTH_MODE should be cvat/,
      ],
      [
        'the health check is removed',
        (t) => t.replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''),
        /no HEALTHCHECK/,
      ],
      [
        'the health check asks /',
        (t) => t.replace("'/health'", "'/'"),
        /HEALTHCHECK should ask \/health/,
      ],
      ['EXPOSE is gone', (t) => t.replace('EXPOSE 8500', 'EXPOSE 3000'), /EXPOSE 8500/],
      [
        'pnpm differs from packageManager',
        (t) => t.replace(/pnpm@[\d.]+/, 'pnpm@9.0.0'),
        /pnpm@9\.0\.0 differs/,
      ],
      [
        'the lockfile may change',
        (t) => t.replace('pnpm install --frozen-lockfile\n', 'pnpm install\n'),
        /without --frozen-lockfile/,
      ],
      [
        'the runtime copies the whole source',
        (t) => t.replace('USER node', 'COPY . .\nUSER node'),
        /copies from the build context/,
      ],
      [
        'the runtime takes the full build stage',
        (t) => t.replace('COPY --from=prod-deps /repo/ ./', 'COPY --from=build /repo/ ./'),
        /not production-only/,
      ],
      [
        'the runtime copies a source folder',
        (t) => t.replace('/repo/packages/proxy/openapi.yaml', '/repo/packages/proxy/src/'),
        /copies a source folder/,
      ],
      [
        'production deps include dev ones',
        (t) => t.replace(' --prod --filter', ' --filter'),
        /not production-only/,
      ],
      [
        'the runtime installs packages',
        (t) => t.replace('USER node', 'RUN npm install typescript\nUSER node'),
        /installs packages/,
      ],
      [
        'the runtime builds on the build stage',
        (t) => t.replace('FROM node:20-bookworm-slim AS runtime', 'FROM build AS runtime'),
        /inherits stage build/,
      ],
      [
        'a copied file does not exist',
        (t) => t.replace('COPY tsconfig.base.json ./', 'COPY tsconfig.missing.json ./'),
        /tsconfig\.missing\.json: not in the repository/,
      ],
      [
        'a copied file is .dockerignored',
        (t) => t.replace('COPY tsconfig.base.json ./', 'COPY .env ./'),
        /\.env/,
      ],
      [
        'CMD points outside the copied build',
        (t) => t.replace('packages/proxy/dist/main.js', 'packages/proxy/src/main.ts'),
        /CMD entry/,
      ],
      [
        'CMD has no entry after node and its flags',
        (t) => t.replace(', "packages/proxy/dist/main.js"]', ']'),
        /CMD should be exec form/,
      ],
      [
        'UI_DIR points elsewhere',
        (t) => t.replace('UI_DIR=/app/packages/plugin/dist/ui', 'UI_DIR=/srv/ui'),
        /UI_DIR/,
      ],
      [
        'only one stage is left',
        (t) => t.slice(t.indexOf('FROM node:20-bookworm-slim AS runtime')),
        /multi-stage/,
      ],
    ];
    it.each(mutations)('when %s', (_name, mutate, message) => {
      const mutated = mutate(text);
      expect(mutated).not.toBe(text);
      expect(problemsOf(mutated).join('\n')).toMatch(message);
    });
  });
});

describe('parseDockerfile', () => {
  it('joins continuations, skips comments inside them, and reads flags and exec form', () => {
    const parsed = parseDockerfile(
      [
        'ARG V=1',
        'FROM node:20 AS a',
        'RUN one \\',
        '# a comment',
        '  && two',
        'FROM a',
        'COPY --from=a --chown=node /x/ /y/',
        'CMD ["node", "m.js"]',
      ].join('\n'),
    );
    expect(parsed.preamble.map((i) => i.keyword)).toEqual(['ARG']);
    expect(parsed.stages.map((s) => [s.name, s.from])).toEqual([
      ['a', 'node:20'],
      ['1', 'a'],
    ]);
    expect(parsed.stages[0]!.instructions[0]!.args).toBe('one && two');
    const [copy, cmd] = parsed.stages[1]!.instructions;
    expect(copy!.flags).toEqual({ from: 'a', chown: 'node' });
    expect(copy!.args).toBe('/x/ /y/');
    expect(cmd!.exec).toEqual(['node', 'm.js']);
  });

  it('reads ENV in both forms', () => {
    expect(parseEnv('A=1 B="two words" C=')).toEqual({ A: '1', B: 'two words', C: '' });
    expect(parseEnv('NODE_ENV production')).toEqual({ NODE_ENV: 'production' });
  });

  it('when a continuation runs off the end or FROM is malformed, then it says where', () => {
    expect(() => parseDockerfile('FROM node\nRUN a \\')).toThrow(DockerfileSyntaxError);
    expect(() => parseDockerfile('FROM a b c')).toThrow(/line 1: bad FROM/);
  });
});

describe('.dockerignore', () => {
  const ignore = createDockerignore(readRepoFile('.dockerignore'));

  it.each([
    'node_modules',
    'packages/proxy/node_modules/x',
    'packages/plugin/dist/ui/index.html',
    '.git/HEAD',
    '.env',
    '.env.production',
    'packages/plugin/e2e/screenshots/a.png',
    'bench-results/run.json',
    'deploy/secrets/clearml_api_secret_key',
  ])('keeps %s out of the build context', (path) => expect(ignore.isIgnored(path)).toBe(true));

  it.each([
    'package.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    '.npmrc',
    'tsconfig.base.json',
    'packages/proxy/src/main.ts',
    'packages/proxy/openapi.yaml',
  ])('sends %s to the build', (path) => expect(ignore.isIgnored(path)).toBe(false));

  it("follows Docker's rules: ** spans folders, ! re-includes, the last match wins", () => {
    const rules = createDockerignore('**/*.log\n!keep.log\nbuild/\n');
    expect(rules.isIgnored('a/b/c.log')).toBe(true);
    expect(rules.isIgnored('top.log')).toBe(true);
    expect(rules.isIgnored('keep.log')).toBe(false);
    expect(rules.isIgnored('build/x/y.js')).toBe(true);
    expect(rules.isIgnored('src/build.ts')).toBe(false);
  });
});
