import { describe, expect, it } from 'vitest';
import { ConfParseError, parseClearmlConf } from './parseClearmlConf.js';

describe('parseClearmlConf', () => {
  it('reads the api section clearml-init writes (unquoted URLs, quoted keys with =)', () => {
    const conf = parseClearmlConf(`
# ClearML SDK configuration file
api {
    # Notice: 'host' is the api server (default port 8008), not the web server.
    api_server: http://localhost:8008
    web_server: http://localhost:8080/
    files_server: http://localhost:8081  // trailing comment
    credentials {
        "access_key" = "FAKE_ACCESS_KEY"
        "secret_key"  = "fake-secret-key"
    }
}
sdk {
  development { worker { report_period_sec: 2 } }
  docker_args: ["--ipc=host", "-e X=1"]
  flag: true
}
`);
    expect(conf.api).toEqual({
      api_server: 'http://localhost:8008',
      web_server: 'http://localhost:8080/',
      files_server: 'http://localhost:8081',
      credentials: { access_key: 'FAKE_ACCESS_KEY', secret_key: 'fake-secret-key' },
    });
    expect(conf.sdk).toEqual({
      development: { worker: { report_period_sec: 2 } },
      docker_args: ['--ipc=host', '-e X=1'],
      flag: true,
    });
  });

  it('accepts dotted keys, colons before blocks, commas and merges repeated blocks', () => {
    const conf = parseClearmlConf(
      'api: { api_server = "http://a:8008", }\napi.credentials.access_key: FAKE_KEY\n' +
        'api { web_server: "http://w" }',
    );
    expect(conf).toEqual({
      api: {
        api_server: 'http://a:8008',
        credentials: { access_key: 'FAKE_KEY' },
        web_server: 'http://w',
      },
    });
  });

  it('keeps escapes in quoted strings and reads """ strings', () => {
    const conf = parseClearmlConf('a: "x\\"y # not a comment"\nb: """multi\nline"""');
    expect(conf).toEqual({ a: 'x"y # not a comment', b: 'multi\nline' });
  });

  it('when the file is malformed, then the error names the line and not the content', () => {
    const err = (() => {
      try {
        parseClearmlConf('api {\n  credentials {\n    secret_key: "fake-secret-value\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfParseError);
    expect((err as Error).message).toMatch(/^line 3: unterminated string/);
    expect((err as Error).message).not.toContain('fake-secret-value');
    expect(() => parseClearmlConf('api {')).toThrow(/missing }/);
    expect(() => parseClearmlConf('}')).toThrow(/unexpected }/);
  });
});
