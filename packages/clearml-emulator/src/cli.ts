#!/usr/bin/env node
import { CLI_USAGE, CliArgsError, parseCliArgs } from './parseCliArgs.js';
import { startEmulator } from './startEmulator.js';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof CliArgsError) {
      console.error(`clearml-emulator: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  if (parsed.help) {
    console.log(CLI_USAGE);
    return;
  }
  const { options } = parsed;
  const emulator = await startEmulator(options);
  for (const big of parsed.bigProjects ?? []) {
    emulator.seedMore({ tasks: big.tasks, projectName: big.name });
  }
  if (!options.quiet) {
    const counts = emulator.store.counts();
    console.log(`ClearML emulator listening on ${emulator.url}`);
    console.log(
      `  data: ${counts.projects} projects, ${counts.tasks} tasks, ${counts.models} models`,
    );
    // These keys are fake and only unlock this emulator; printing them is the point.
    console.log(`  access key: ${emulator.credentials.accessKey}`);
    console.log(`  secret key: ${emulator.credentials.secretKey}`);
    console.log(`  control:    ${emulator.url}/_emulator/faults (test control surface, no auth)`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) console.log(`clearml-emulator: ${signal}, stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`clearml-emulator: failed to stop cleanly: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`clearml-emulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
