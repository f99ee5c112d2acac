// Start-up: load the configuration, build the dependencies, listen, and shut down gracefully
// on SIGTERM/SIGINT. Everything else lives in the modules it wires together.
import { readFileSync } from 'node:fs';
import { createApp } from './app.js';
import { createSecurity } from './auth/index.js';
import { createClearmlService } from './clearml/index.js';
import { ConfigError, loadConfig, type ClearmlSettings } from './config/index.js';
import { createAppServer } from './createAppServer.js';
import { createGracefulShutdown } from './lifecycle/index.js';
import { createCallTally, createLogger } from './logging/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function fatal(err: unknown): never {
  // Configuration errors name the variable and never contain a secret: show them as they are.
  const message = err instanceof ConfigError ? err.message : `Start-up failed: ${String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig(process.env, {
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
} catch (err) {
  fatal(err);
}

const secrets: string[] = [];
const logger = createLogger({
  level: config.debug ? 'debug' : 'info',
  secrets: () => secrets,
  write: (line) => process.stdout.write(`${line}\n`),
});

const callTally = createCallTally();

let clearml: ClearmlSettings;
let stopEmulator: (() => Promise<void>) | undefined;
if (config.clearml) {
  clearml = config.clearml;
} else {
  // Demo mode: the emulator runs in this process but is still reached over real HTTP.
  const { startEmulator } = await import('@cvat-clearml/clearml-emulator');
  // The sample data's latest event a minute ago: the demo reads like a live server.
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    datesEndAt: Date.now() - 60_000,
  });
  stopEmulator = () => emulator.stop();
  clearml = {
    apiHost: emulator.url,
    webHost: undefined,
    filesHost: undefined,
    accessKey: emulator.credentials.accessKey,
    secretKey: emulator.credentials.secretKey,
  };
  process.stderr.write(
    '\n**************************************************************************\n' +
      '* DEMO MODE: no ClearML configured. Serving SAMPLE DATA from the built-in *\n' +
      '* ClearML emulator. Set CLEARML_API_HOST and keys to use a real server.  *\n' +
      '**************************************************************************\n\n',
  );
  logger.warn('DEMO MODE: serving sample data from the built-in ClearML emulator', {
    mode: 'demo',
  });
}
// The keys, and the Basic credential made of them for auth.login, are never written anywhere.
secrets.push(
  clearml.accessKey,
  clearml.secretKey,
  Buffer.from(`${clearml.accessKey}:${clearml.secretKey}`).toString('base64'),
);

const service = createClearmlService({
  apiHost: clearml.apiHost,
  webHost: clearml.webHost,
  accessKey: clearml.accessKey,
  secretKey: clearml.secretKey,
  timeoutMs: config.clearmlTimeoutMs,
  cacheTtlMs: config.cacheTtlMs,
  log: callTally.tee((line) => logger.line(line)),
});

let security;
try {
  security = createSecurity(config.env, {
    log: (line) => logger.line(line),
    host: config.host,
    demo: config.demo,
  });
} catch (err) {
  await service.close();
  await stopEmulator?.();
  fatal(err);
}

const { server, serve } = createAppServer();
const lifecycle = createGracefulShutdown(server, {
  timeoutMs: 10_000,
  log: (msg, fields) => logger.info(msg, fields),
});
serve(
  createApp({
    config,
    logger,
    service,
    security,
    version: pkg.version,
    callTally,
    shutdownGate: lifecycle.gate,
  }),
);

// A request Node's HTTP parser rejects (bad bytes in the request line, oversized headers) never
// reaches Express: answer it with a problem document too, instead of Node's bare 400.
server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `urn:cvat-clearml:problem:${tooLarge ? 'payload-too-large' : 'validation-error'}`,
    title: tooLarge ? 'Request headers too large' : 'Malformed HTTP request',
    status,
    detail: tooLarge
      ? 'The request headers are larger than the limit'
      : 'The request could not be parsed as HTTP',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
});
server.on('error', (err) => fatal(err));
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.info('listening', {
    url: `http://${host}:${port}`,
    mode: config.demo ? 'demo' : 'clearml',
    auth_mode: security.mode,
    version: pkg.version,
  });
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('signal received', { signal });
  const { drained } = await lifecycle.shutdown();
  await service.close();
  await stopEmulator?.();
  logger.info('stopped', { drained });
  // stdout may be a pipe (asynchronous): exit once the last line is out.
  process.stdout.write('', () => process.exit(0));
};
process.on('SIGTERM', (s) => void stop(s));
process.on('SIGINT', (s) => void stop(s));
