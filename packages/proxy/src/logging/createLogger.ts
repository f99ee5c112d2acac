// JSON-lines logger. Dependencies come in as arguments (where lines go, which values are
// secret), so tests collect lines and assert on them; nothing here is a module singleton.
import { createSecretIndex } from './createSecretIndex.js';
import { redactCredentialShapes } from './redactSecrets.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogLine = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogLine): void;
  info(msg: string, fields?: LogLine): void;
  warn(msg: string, fields?: LogLine): void;
  error(msg: string, fields?: LogLine): void;
  /** Writes a prepared line (`msg` inside it) at info level, or at `line.level` if given. */
  line(line: LogLine): void;
  /**
   * Remember a value that must never be written (a caller's Authorization or Cookie value, a
   * fresh ClearML token). Kept in a bounded set: the oldest are forgotten first.
   */
  addSecret(value: string | undefined): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never appear in a line: read on every write, so it may change. */
  secrets: () => readonly string[];
  /** Receives one finished line (JSON text, no newline). */
  write: (line: string) => void;
  now?: () => Date;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_REMEMBERED = 1000;

function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Error) return { name: v.name, message: v.message, stack: v.stack };
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  // Insertion order = age, for forgetting the oldest; the index holds these and the fixed ones.
  const remembered = new Set<string>();
  const index = createSecretIndex();
  let fixed: readonly string[] = [];
  /** The fixed secrets may change between lines (keys known after start-up): keep in step. */
  const syncFixed = () => {
    const current = options.secrets();
    if (current.length === fixed.length && current.every((s, i) => s === fixed[i])) return;
    for (const s of fixed) index.delete(s);
    fixed = [...current];
    for (const s of fixed) index.add(s);
  };

  const emit = (level: LogLevel, fields: LogLine) => {
    if (ORDER[level] < ORDER[options.level]) return;
    syncFixed();
    const text = serialise({ time: now().toISOString(), level, ...fields });
    options.write(redactCredentialShapes(index.redact(text)));
  };

  return {
    level: options.level,
    debug: (msg, fields = {}) => emit('debug', { msg, ...fields }),
    info: (msg, fields = {}) => emit('info', { msg, ...fields }),
    warn: (msg, fields = {}) => emit('warn', { msg, ...fields }),
    error: (msg, fields = {}) => emit('error', { msg, ...fields }),
    line: (line) => {
      const { level, time: _time, ...rest } = line;
      const lvl: LogLevel =
        typeof level === 'string' && level in ORDER ? (level as LogLevel) : 'info';
      emit(lvl, { msg: 'log', ...rest });
    },
    addSecret: (value) => {
      if (!value) return;
      if (remembered.delete(value)) {
        remembered.add(value);
        return;
      }
      remembered.add(value);
      index.add(value);
      if (remembered.size > MAX_REMEMBERED) {
        const oldest = remembered.values().next().value;
        if (oldest !== undefined) {
          remembered.delete(oldest);
          index.delete(oldest);
        }
      }
    },
  };
}
