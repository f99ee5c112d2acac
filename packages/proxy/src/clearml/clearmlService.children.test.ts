import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, startHarness, type Harness } from './testHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cacheTtlMs: 0 });
  // More children than one ClearML page holds, under one parent; a sibling with one child; and
  // one with none. Presence is all has_children needs, so the big family must not be read whole.
  for (let i = 0; i < 1_100; i++) h.emulator.store.addProject({ name: `Fanout/Crowd/c${i}` });
  h.emulator.store.addProject({ name: 'Fanout/Single/only' });
  h.emulator.store.addProject({ name: 'Fanout/Empty' });
});
afterAll(() => h.stop());

describe('has_children', () => {
  it('when a project has more children than one ClearML page, then has_children is right for every sibling and the children are not all read', async () => {
    h.emulator.resetCalls();
    const page = await h.service.listProjects({ parent: 'Fanout', page_size: 50 }, ctxFor());
    const byName = new Map(page.items.map((p) => [p.name, p.has_children]));
    expect(byName.get('Fanout/Crowd')).toBe(true);
    expect(byName.get('Fanout/Single')).toBe(true);
    expect(byName.get('Fanout/Empty')).toBe(false);
    // Resolving "Fanout", the page itself, and two children questions at most: reading all 1,100
    // children 500 at a time would take three.
    const calls = h.emulator.calls()['projects.get_all_ex'] ?? 0;
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('when the project scope hides some children, then has_children counts only visible ones', async () => {
    const scoped = ctxFor(['Fanout', 'Fanout/Crowd/*', 'Fanout/Single']);
    const page = await h.service.listProjects({ parent: 'Fanout', page_size: 50 }, scoped);
    const byName = new Map(page.items.map((p) => [p.name, p.has_children]));
    expect(byName.get('Fanout/Crowd')).toBe(true);
    expect(byName.get('Fanout/Single')).toBe(false);
    expect(byName.has('Fanout/Empty')).toBe(false);
  });
});
