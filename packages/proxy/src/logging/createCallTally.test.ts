import { describe, expect, it } from 'vitest';
import { createCallTally } from './createCallTally.js';

describe('createCallTally', () => {
  it("sums an open request's calls by trx prefix, a retry after login included", () => {
    const tally = createCallTally();
    tally.open('req-a');
    tally.open('req-b');
    tally.record('req-a-1', 1.25);
    tally.record('req-a-2', 2);
    tally.record('req-a-2r', 0.5);
    tally.record('req-b-1', 7);
    expect(tally.close('req-a')).toEqual({ calls: 3, ms: 3.8 });
    expect(tally.close('req-b')).toEqual({ calls: 1, ms: 7 });
  });

  it('keeps nothing for calls outside a request, nor after the request closed', () => {
    const tally = createCallTally();
    tally.record('0d3c9a1e-login-1', 3);
    tally.open('req-a');
    expect(tally.close('req-a')).toEqual({ calls: 0, ms: 0 });
    tally.record('req-a-1', 4);
    expect(tally.close('req-a')).toEqual({ calls: 0, ms: 0 });
  });

  it('tee records a call line and hands it on unchanged', () => {
    const tally = createCallTally();
    const written: Record<string, unknown>[] = [];
    const log = tally.tee((line) => written.push(line));
    tally.open('req-a');
    const line = { clearml_call: 'tasks.get_all_ex', trx: 'req-a-1', status: 200, ms: 2.5 };
    log(line);
    log({ msg: 'not a call' });
    expect(written).toEqual([line, { msg: 'not a call' }]);
    expect(tally.close('req-a')).toEqual({ calls: 1, ms: 2.5 });
  });
});
