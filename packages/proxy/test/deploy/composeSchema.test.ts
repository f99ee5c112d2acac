import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createComposeValidator } from './createComposeValidator.js';
import { interpolate } from './interpolate.js';
import {
  COMPOSE_FILES,
  loadCompose,
  parseDotenv,
  readRepoFile,
  repoRoot,
} from './loadDeployFiles.js';

const validate = createComposeValidator(join(repoRoot, 'deploy/compose-spec/compose-spec.json'));
// Every variable a file needs, as a deployer would set them (from .env.example plus the
// CVAT-only path), so interpolated files can be validated the way Compose validates them.
const env = {
  ...parseDotenv(readRepoFile('.env.example')),
  CVAT_CLEARML_DIR: '/opt/cvat-clearml',
};

describe('compose files against the official Compose JSON Schema', () => {
  it.each(COMPOSE_FILES)('when %s is parsed as written, then the schema accepts it', (file) => {
    expect(validate(loadCompose(file))).toEqual([]);
  });

  it.each(COMPOSE_FILES)(
    'when %s is interpolated with .env.example, then the schema still accepts it',
    (file) => {
      expect(validate(interpolate(loadCompose(file), env))).toEqual([]);
    },
  );

  it('when a service has a misspelled key, then the schema rejects it', () => {
    const doc = structuredClone(loadCompose('docker-compose.yml')) as {
      services: Record<string, Record<string, unknown>>;
    };
    doc.services.clearml_api!.helthcheck = doc.services.clearml_api!.healthcheck;
    expect(validate(doc).join('\n')).toMatch(/additional properties.*helthcheck/i);
  });

  it('when restart is a mapping instead of a policy name, then the schema rejects it', () => {
    const doc = structuredClone(loadCompose('docker-compose.cvat.yml')) as {
      services: Record<string, Record<string, unknown>>;
    };
    doc.services.clearml_api!.restart = { policy: 'always' };
    expect(validate(doc)).not.toEqual([]);
  });

  it('the vendored schema says where it comes from and under which license', () => {
    const note = readRepoFile('deploy/compose-spec/README.md');
    expect(note).toMatch(/compose-spec\/compose-spec/);
    expect(note).toMatch(/[0-9a-f]{40}/);
    expect(note).toMatch(/Apache-2\.0/);
  });

  it('the vendored schema is byte for byte the copy its note describes', () => {
    const digest = createHash('sha256')
      .update(readRepoFile('deploy/compose-spec/compose-spec.json'))
      .digest('hex');
    expect(readRepoFile('deploy/compose-spec/README.md')).toContain(digest);
  });
});
