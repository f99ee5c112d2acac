/** What the benchmark asks the emulator outside the load runs: login, sizes, counters. */
export interface EmulatorClient {
  url: string;
  /** A token for direct calls (auth.login with the fake keys, once). */
  login(): Promise<string>;
  /** One API call with the token: its `data` and the size of the raw answer in bytes. */
  call(endpoint: string, body: unknown): Promise<{ data: Record<string, unknown>; bytes: number }>;
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  ping(): Promise<boolean>;
}

export function createEmulatorClient(
  url: string,
  keys: { accessKey: string; secretKey: string },
): EmulatorClient {
  let token: string | undefined;

  async function login(): Promise<string> {
    if (token) return token;
    const basic = Buffer.from(`${keys.accessKey}:${keys.secretKey}`).toString('base64');
    const res = await fetch(`${url}/auth.login`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}` },
    });
    const body = (await res.json()) as { data?: { token?: string } };
    if (!res.ok || !body.data?.token) throw new Error(`auth.login failed: HTTP ${res.status}`);
    token = body.data.token;
    return token;
  }

  return {
    url,
    login,
    async call(endpoint, body) {
      const res = await fetch(`${url}/${endpoint}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await login()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const raw = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`${endpoint} failed: HTTP ${res.status}`);
      const parsed = JSON.parse(raw.toString('utf8')) as { data: Record<string, unknown> };
      return { data: parsed.data, bytes: raw.length };
    },
    async calls() {
      const res = await fetch(`${url}/_emulator/calls`);
      return (await res.json()) as Record<string, number>;
    },
    async resetCalls() {
      await fetch(`${url}/_emulator/calls/reset`, { method: 'POST' });
    },
    async ping() {
      const res = await fetch(`${url}/debug.ping`, { method: 'POST' });
      return res.ok;
    },
  };
}

/** Sum of the API calls in a counter snapshot (the control surface itself is not counted). */
export function totalCalls(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
