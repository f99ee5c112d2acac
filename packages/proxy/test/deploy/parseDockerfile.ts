// A small Dockerfile parser, enough to check our own Dockerfile's structure without a Docker
// engine: logical lines (backslash continuations, comments), flags, exec vs shell form, stages.

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, ENV, … */
  keyword: string;
  /** `--name=value` flags in front of the arguments (e.g. COPY --from=build). */
  flags: Record<string, string>;
  /** The arguments after the flags, as written (continuations joined by a space). */
  args: string;
  /** Exec form (`["node", "x.js"]`) parsed, or undefined for shell form. */
  exec?: string[];
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  /** The `AS` name, or the stage's index as text. */
  name: string;
  /** The base: an image reference or an earlier stage's name. */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** Instructions before the first FROM (ARG only, in a valid file). */
  preamble: Instruction[];
  stages: Stage[];
}

export class DockerfileSyntaxError extends Error {}

function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    // Comment lines inside a continuation are skipped by Docker too.
    if (trimmed.startsWith('#')) return;
    if (!current) {
      if (trimmed === '') return;
      current = { text: '', line: index + 1 };
    }
    const continued = /\\\s*$/.test(raw);
    const piece = continued ? raw.replace(/\\\s*$/, '') : raw;
    current.text = current.text === '' ? piece.trim() : `${current.text} ${piece.trim()}`;
    if (!continued) {
      out.push(current);
      current = undefined;
    }
  });
  if (current) throw new DockerfileSyntaxError(`line ${current.line}: continuation at end of file`);
  return out;
}

function parseInstruction(text: string, line: number): Instruction {
  const match = /^([A-Za-z]+)\s*(.*)$/.exec(text);
  if (!match) throw new DockerfileSyntaxError(`line ${line}: not an instruction: ${text}`);
  const keyword = match[1]!.toUpperCase();
  let rest = match[2]!;
  const flags: Record<string, string> = {};
  // HEALTHCHECK's own flags sit before CMD; other instructions' flags before their args.
  for (;;) {
    const flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!flag) break;
    flags[flag[1]!] = flag[2] ?? 'true';
    rest = rest.slice(flag[0].length);
  }
  const instruction: Instruction = { keyword, flags, args: rest.trim(), line };
  const execText = keyword === 'HEALTHCHECK' ? rest.replace(/^CMD\s+/i, '') : rest;
  if (/^\[/.test(execText.trim())) {
    try {
      const parsed: unknown = JSON.parse(execText.trim());
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) {
        instruction.exec = parsed;
      }
    } catch {
      // Not valid JSON: Docker runs it in shell form, and so do we.
    }
  }
  return instruction;
}

export function parseDockerfile(text: string): Dockerfile {
  const result: Dockerfile = { preamble: [], stages: [] };
  for (const { text: lineText, line } of logicalLines(text)) {
    const instruction = parseInstruction(lineText, line);
    if (instruction.keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from) throw new DockerfileSyntaxError(`line ${line}: bad FROM: ${instruction.args}`);
      result.stages.push({
        from: from[1]!,
        name: from[2] ?? String(result.stages.length),
        instructions: [],
      });
      continue;
    }
    const stage = result.stages.at(-1);
    if (stage) stage.instructions.push(instruction);
    else result.preamble.push(instruction);
  }
  return result;
}

/** ENV in both forms: `ENV A=1 B="two words"` and the legacy `ENV A value`. */
export function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const legacy = /^(\S+)\s+(.*)$/.exec(args);
    if (legacy) env[legacy[1]!] = legacy[2]!;
    return env;
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of args.matchAll(pair)) {
    const raw = m[2]!;
    env[m[1]!] = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return env;
}

/** COPY/ADD arguments: sources and destination (exec form or whitespace-separated). */
export function copyPaths(instruction: Instruction): { sources: string[]; dest: string } {
  const parts = instruction.exec ?? instruction.args.split(/\s+/).filter(Boolean);
  if (parts.length < 2) {
    throw new DockerfileSyntaxError(`line ${instruction.line}: COPY needs a source and a dest`);
  }
  return { sources: parts.slice(0, -1), dest: parts.at(-1)! };
}
