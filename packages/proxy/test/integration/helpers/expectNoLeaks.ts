// The one place that asserts secrets stayed inside: no ClearML key, Basic credential or token
// in any answer (body or header) or log line the stack produced during the tests.
import { expect } from 'vitest';
import type { Stack } from './startStack.js';

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./;

export function expectNoLeaks(stack: Stack, options: { loggedIn?: boolean } = {}): void {
  const secrets = stack.secrets().filter((s) => s.length >= 6);
  // The check must have something to look for: the proxy logged in at least once (unless the
  // test is about ClearML refusing the proxy's key, where no token ever exists).
  if (options.loggedIn !== false) expect(stack.tap.tokens().length).toBeGreaterThan(0);
  const places: [string, string][] = [
    ...stack.answers.map((a, i): [string, string] => [
      `answer #${i} (${a.status})`,
      `${[...a.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${a.text}`,
    ]),
    ...stack.logs.map((line, i): [string, string] => [`log line #${i}`, line]),
  ];
  expect(places.length).toBeGreaterThan(0);
  for (const [where, text] of places) {
    for (const secret of secrets) {
      if (text.includes(secret)) {
        throw new Error(`${where} contains a secret (${secret.slice(0, 4)}…)`);
      }
    }
    if (JWT.test(text)) throw new Error(`${where} contains a JWT-shaped token`);
  }
}
