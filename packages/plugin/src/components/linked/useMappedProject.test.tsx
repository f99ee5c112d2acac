import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeProblem, makeProject, makeSession } from '../../test/factories';
import { onGet, problemResponse } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';
import { cvatProjectNameOf, useMappedProject, type MappingContext } from './useMappedProject';

const taskContext = (projectName: string | null): MappingContext => ({
  task: { id: 7, name: 'Bird calls', projectId: 3, projectName, labels: [] },
});
const projectContext = (name: string | null): MappingContext => ({ project: { name } });

function Probe({ context }: { context: MappingContext | undefined }) {
  const mapped = useMappedProject(context);
  return (
    <output>
      {mapped.state === 'resolved' ? `resolved:${mapped.projectName ?? 'none'}` : mapped.state}
    </output>
  );
}

function withClearml(rule: 'same-name' | 'default-project', existing: string[]) {
  const asked: string[] = [];
  server.use(
    onGet('/session', () => makeSession({ project_mapping: { rule, default_project: 'CVAT' } })),
    onGet('/projects/{project_name}', ({ params }) => {
      const name = String(params.project_name);
      asked.push(name);
      return existing.includes(name)
        ? makeProject(name)
        : problemResponse(makeProblem('not-found', 404));
    }),
  );
  return asked;
}

const resolved = async (context: MappingContext | undefined) => {
  renderWithProviders(<Probe context={context} />);
  return (await screen.findByText(/^(resolved|error)/)).textContent;
};

describe('useMappedProject (the one CVAT → ClearML project rule)', () => {
  it.each([
    ['a task context', taskContext('Audio')],
    ['a project-only context', projectContext('Audio')],
  ])('with same-name and %s whose project ClearML has, then it maps to it', async (_, ctx) => {
    const asked = withClearml('same-name', ['Audio']);
    await expect(resolved(ctx)).resolves.toBe('resolved:Audio');
    expect(asked).toEqual(['Audio']);
  });

  it.each([
    ['a task context', taskContext('Crossings')],
    ['a project-only context', projectContext('Crossings')],
  ])('with same-name and %s ClearML lacks, then the default project', async (_, ctx) => {
    withClearml('same-name', ['Audio']);
    await expect(resolved(ctx)).resolves.toBe('resolved:CVAT');
  });

  it('with the default-project rule, then the default project without asking for the CVAT one', async () => {
    const asked = withClearml('default-project', ['Audio']);
    await expect(resolved(projectContext('Audio'))).resolves.toBe('resolved:CVAT');
    expect(asked).toEqual([]);
  });

  it('when ClearML fails for the candidate project, then it is an error, not the default', async () => {
    server.use(
      onGet('/session', () => makeSession()),
      onGet('/projects/{project_name}', () =>
        problemResponse(makeProblem('clearml-unavailable', 503)),
      ),
    );
    await expect(resolved(taskContext('Audio'))).resolves.toBe('error');
  });

  it('reads the CVAT project from a task first, else the project, else none', () => {
    expect(cvatProjectNameOf(taskContext('A'))).toBe('A');
    expect(cvatProjectNameOf(projectContext('B'))).toBe('B');
    expect(cvatProjectNameOf(projectContext(null))).toBeNull();
    expect(cvatProjectNameOf({})).toBeNull();
    expect(cvatProjectNameOf(undefined)).toBeNull();
  });
});
