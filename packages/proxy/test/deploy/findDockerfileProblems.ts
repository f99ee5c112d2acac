// What the proxy's Dockerfile must guarantee, as a list of problems (empty = fine), so the
// same checks run on the real file and on deliberately broken copies of it.
import { posix } from 'node:path';
import {
  copyPaths,
  parseEnv,
  type Dockerfile,
  type Instruction,
  type Stage,
} from './parseDockerfile.js';

export interface DockerfileContext {
  /** The version in package.json's `packageManager` (pnpm@X). */
  pnpmVersion: string;
  /** Does this path (relative to the repository root) exist? */
  exists(path: string): boolean;
  /** Is this path left out of the build context by .dockerignore? */
  isIgnored(path: string): boolean;
}

const INSTALL = /\b(pnpm|npm|yarn)\s+(install|i|ci|add)\b/;

function chain(file: Dockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = file.stages.find((x) => x.name === s!.from)) {
    if (out.includes(s)) break;
    out.unshift(s);
  }
  return out;
}

function instructionsOf(file: Dockerfile, stage: Stage): Instruction[] {
  return chain(file, stage).flatMap((s) => s.instructions);
}

function workdirOf(instructions: Instruction[]): string {
  let dir = '/';
  for (const i of instructions) if (i.keyword === 'WORKDIR') dir = posix.resolve(dir, i.args);
  return dir;
}

const MANIFEST = /(^|\/)(package\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc)$/;
const isBuildOutput = (path: string) => /(^|\/)(dist|node_modules)(\/|$)/.test(path);

export function findDockerfileProblems(file: Dockerfile, ctx: DockerfileContext): string[] {
  const problems: string[] = [];
  const { stages } = file;
  if (stages.length < 2) problems.push(`multi-stage build expected, found ${stages.length} stage`);
  const runtime = stages.at(-1);
  if (!runtime) return problems;
  stages.forEach((s, i) => {
    const named = stages.findIndex((x) => x.name === s.from);
    if (named >= i) problems.push(`stage ${s.name} builds on a later stage ${s.from}`);
  });
  if (stages.some((s) => s !== runtime && s.name === runtime.from)) {
    problems.push(`runtime stage inherits stage ${runtime.from} (and all its files)`);
  }

  const all = stages.flatMap((s) => s.instructions);
  const runs = all.filter((i) => i.keyword === 'RUN').map((i) => i.args);
  const pinned = runs.flatMap((r) => [...r.matchAll(/\bpnpm@(\S+)/g)].map((m) => m[1]));
  if (pinned.length === 0) problems.push('pnpm is not installed at a pinned version');
  for (const v of pinned) {
    if (v !== ctx.pnpmVersion)
      problems.push(`pnpm@${v} differs from packageManager pnpm@${ctx.pnpmVersion}`);
  }
  for (const r of runs.filter((r) => /\bpnpm\s+install\b/.test(r))) {
    if (!r.includes('--frozen-lockfile'))
      problems.push(`pnpm install without --frozen-lockfile: ${r}`);
  }

  // The runtime stage: built output and production dependencies only.
  const own = runtime.instructions;
  for (const i of own.filter((i) => i.keyword === 'RUN' && INSTALL.test(i.args))) {
    problems.push(`runtime stage installs packages (line ${i.line})`);
  }
  const env = Object.assign(
    {},
    ...own.filter((i) => i.keyword === 'ENV').map((i) => parseEnv(i.args)),
  );
  const expected: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    PORT: '8500',
    AUTH_MODE: 'cvat',
  };
  for (const [k, v] of Object.entries(expected)) {
    if (env[k] !== v) problems.push(`runtime ENV ${k} should be ${v}, is ${env[k] ?? 'unset'}`);
  }
  const user = own.filter((i) => i.keyword === 'USER').at(-1)?.args;
  if (!user || /^(root|0)(:|$)/.test(user))
    problems.push(`runtime runs as ${user ?? 'root (no USER)'}`);
  const exposed = own.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
  if (!exposed.some((p) => p.replace(/\/tcp$/, '') === '8500'))
    problems.push('EXPOSE 8500 missing');
  const health = own.filter((i) => i.keyword === 'HEALTHCHECK').at(-1);
  const probe = health?.exec?.join(' ') ?? health?.args ?? '';
  if (!health || /^NONE$/i.test(health.args)) problems.push('no HEALTHCHECK');
  else if (health.exec?.[0] !== 'node' || !probe.includes('/health')) {
    problems.push(`HEALTHCHECK should ask /health with node: ${probe}`);
  }

  const workdir = workdirOf(own);
  const copies = own.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  const landed: { source: string; dest: string }[] = [];
  for (const copy of copies) {
    const { sources, dest } = copyPaths(copy);
    const from = copy.flags.from;
    if (!from) {
      problems.push(
        `runtime copies from the build context, not from a build stage (line ${copy.line})`,
      );
      continue;
    }
    const source = stages.find((s) => s.name === from);
    if (!source) {
      problems.push(`COPY --from=${from}: no such stage (line ${copy.line})`);
      continue;
    }
    const sourceInstructions = instructionsOf(file, source);
    const root = workdirOf(sourceInstructions);
    const installs = sourceInstructions.filter(
      (i) => i.keyword === 'RUN' && /\bpnpm\s+install\b/.test(i.args),
    );
    for (const src of sources) {
      const rel = posix.relative(root, posix.resolve(root, src));
      landed.push({ source: rel, dest: posix.resolve(workdir, dest) });
      if (rel === '' || rel === 'node_modules' || rel.endsWith('/node_modules')) {
        // node_modules (or a whole stage): only from a stage whose every install is --prod.
        if (installs.length === 0 || installs.some((i) => !i.args.includes('--prod'))) {
          problems.push(
            `COPY --from=${from} ${src} brings dependencies that are not production-only`,
          );
        }
        const copied = sourceInstructions
          .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
          .flatMap((i) => copyPaths(i).sources);
        if (copied.some((c) => !MANIFEST.test(c))) {
          problems.push(`COPY --from=${from} ${src} brings source files, not only manifests`);
        }
      } else if (!isBuildOutput(rel)) {
        // Anything else must be one file of the repository, never a whole source folder.
        if (rel.startsWith('..') || !ctx.exists(rel))
          problems.push(`COPY --from=${from} ${src}: not in the repository`);
        else if (src.endsWith('/') || !/\.[a-z]+$/i.test(rel))
          problems.push(`COPY --from=${from} ${src}: copies a source folder`);
      }
    }
  }

  const uiDir = env.UI_DIR;
  if (!uiDir) problems.push('runtime ENV UI_DIR is unset');
  else if (
    !landed.some(
      (l) =>
        /plugin\/dist\/ui$/.test(l.source.replace(/\/$/, '')) && l.dest === posix.resolve(uiDir),
    )
  ) {
    problems.push(`UI_DIR ${uiDir} is not where the panel's build is copied`);
  }
  const cmd = own.filter((i) => i.keyword === 'CMD').at(-1);
  // Node's own flags may come before the entry.
  const entry =
    cmd?.exec?.[0] === 'node' ? cmd.exec.slice(1).find((a) => !a.startsWith('-')) : undefined;
  if (!entry) problems.push('CMD should be exec form ["node", ...flags, "<entry>"]');
  else {
    const resolved = posix.resolve(workdir, entry);
    const proxyDist = landed.find((l) => /proxy\/dist$/.test(l.source.replace(/\/$/, '')));
    if (!proxyDist || !resolved.startsWith(`${proxyDist.dest}/`)) {
      problems.push(`CMD entry ${resolved} is not inside the copied proxy build`);
    }
  }

  // Sources taken from the build context must exist and must not be .dockerignore'd.
  for (const copy of all.filter(
    (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.from,
  )) {
    for (const src of copyPaths(copy).sources) {
      const rel = posix.normalize(src).replace(/\/$/, '');
      if (!ctx.exists(rel)) problems.push(`COPY ${src}: not in the repository (line ${copy.line})`);
      else if (ctx.isIgnored(rel))
        problems.push(`COPY ${src}: excluded by .dockerignore (line ${copy.line})`);
    }
  }
  return problems;
}
