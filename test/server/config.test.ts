/** Settings from the environment: defaults, PostgreSQL over SQLite, TLS port, bad values refused. */
import { listenConfigFromEnv, storeConfigFromEnv, uploadWorkersFromEnv } from '../../server/config';

describe('config', () => {
  test('upload workers: the default unless YANBIAO_UPLOAD_WORKERS names a count; anything else is refused in Chinese', () => {
    expect(uploadWorkersFromEnv({})).toBeUndefined();
    expect(uploadWorkersFromEnv({ YANBIAO_UPLOAD_WORKERS: '' })).toBeUndefined();
    expect(uploadWorkersFromEnv({ YANBIAO_UPLOAD_WORKERS: '1' })).toBe(1);
    expect(uploadWorkersFromEnv({ YANBIAO_UPLOAD_WORKERS: '3' })).toBe(3);
    for (const bad of ['0', '-1', '2.5', 'abc', '1000']) expect(() => uploadWorkersFromEnv({ YANBIAO_UPLOAD_WORKERS: bad })).toThrow(/YANBIAO_UPLOAD_WORKERS 不正确/);
  });

  test('listening: 127.0.0.1:8080 by default, 8443 with TLS, HOST/PORT honoured', () => {
    expect(listenConfigFromEnv({})).toEqual({ host: '127.0.0.1', port: 8080, tls: undefined });
    expect(listenConfigFromEnv({ TLS_CERT: 'c.crt', TLS_KEY: 'k.key' })).toEqual({ host: '127.0.0.1', port: 8443, tls: { cert: 'c.crt', key: 'k.key' } });
    expect(listenConfigFromEnv({ HOST: '0.0.0.0', PORT: '9000' })).toEqual({ host: '0.0.0.0', port: 9000, tls: undefined });
    expect(() => listenConfigFromEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => listenConfigFromEnv({ TLS_CERT: 'c.crt' })).toThrow(/TLS_CERT 和 TLS_KEY/);
  });

  test('store: SQLite under YANBIAO_DATA (default ./data), PostgreSQL when DATABASE_URL is set', () => {
    expect(storeConfigFromEnv({})).toEqual({ sqliteFile: 'data/yanbiao.sqlite' });
    expect(storeConfigFromEnv({ YANBIAO_DATA: '/srv/yb' })).toEqual({ sqliteFile: '/srv/yb/yanbiao.sqlite' });
    expect(storeConfigFromEnv({ YANBIAO_DATA: '/srv/yb', DATABASE_URL: 'postgres://u@h/db' })).toEqual({ databaseUrl: 'postgres://u@h/db', poolSize: undefined });
  });
});
