import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './loadConfig.ts';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ port: 8080, dataDir: './data', oidcGroupsClaim: 'groups' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.oidcIssuer).toBeUndefined();
  });

  it('reads FLEETBACK_ variables and lets flags win', () => {
    const config = loadConfig({ FLEETBACK_PORT: '9000', FLEETBACK_DATA_DIR: '/var/lib/fb' }, [
      '--port',
      '9100',
    ]);
    expect(config.port).toBe(9100);
    expect(config.dataDir).toBe('/var/lib/fb');
  });

  it('names the variable that holds a bad value', () => {
    expect(() => loadConfig({ FLEETBACK_PORT: 'eighty' }, [])).toThrow(
      /FLEETBACK_PORT: 'eighty' is not a port/,
    );
    expect(() => loadConfig({ FLEETBACK_DATABASE_URL: 'mysql://x' }, [])).toThrow(/FLEETBACK_DATABASE_URL: 'mysql/);
    expect(() => loadConfig({ FLEETBACK_MASTER_KEY: 'c2hvcnQ=' }, [])).toThrow(
      /FLEETBACK_MASTER_KEY: must be 32 bytes/,
    );
  });

  it('names the flag that holds a bad value, and rejects unknown flags', () => {
    expect(() => loadConfig({}, ['--log-level', 'loud'])).toThrow(/--log-level: 'loud'/);
    expect(() => loadConfig({}, ['--prot', '1'])).toThrow(ConfigError);
  });

  it('requires an audience with an issuer', () => {
    expect(() => loadConfig({ FLEETBACK_OIDC_ISSUER: 'https://idp.example' }, [])).toThrow(
      /FLEETBACK_OIDC_AUDIENCE: required/,
    );
  });

  it("takes the console's OIDC client only together with an issuer", () => {
    expect(() => loadConfig({ FLEETBACK_OIDC_CONSOLE_CLIENT_ID: 'console' }, [])).toThrow(
      /FLEETBACK_OIDC_CONSOLE_CLIENT_ID: needs FLEETBACK_OIDC_ISSUER/,
    );
    const config = loadConfig(
      {
        FLEETBACK_OIDC_ISSUER: 'https://idp.example',
        FLEETBACK_OIDC_AUDIENCE: 'urn:fleetback',
        FLEETBACK_OIDC_CONSOLE_CLIENT_ID: 'console',
      },
      [],
    );
    expect(config).toMatchObject({ oidcConsoleClientId: 'console', oidcConsoleScopes: 'openid profile email' });
  });

  it('requires a shared master key with PostgreSQL', () => {
    expect(() => loadConfig({ FLEETBACK_DATABASE_URL: 'postgres://h/db' }, [])).toThrow(
      /FLEETBACK_MASTER_KEY: required with FLEETBACK_DATABASE_URL/,
    );
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ FLEETBACK_DATABASE_URL: 'postgres://h/db', FLEETBACK_MASTER_KEY: key }, []).databaseUrl).toBe(
      'postgres://h/db',
    );
  });

  it('decodes a 32-byte master key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ FLEETBACK_MASTER_KEY: key }, []).masterKey).toEqual(Buffer.alloc(32, 7));
  });

  it('disables the built-in admin token only with an OIDC issuer, which leaves a way in', () => {
    expect(() => loadConfig({ FLEETBACK_DISABLE_ADMIN_TOKEN: 'true' }, [])).toThrow(
      /FLEETBACK_DISABLE_ADMIN_TOKEN: needs FLEETBACK_OIDC_ISSUER/,
    );
    const oidc = { FLEETBACK_OIDC_ISSUER: 'https://idp.example', FLEETBACK_OIDC_AUDIENCE: 'fleetback' };
    expect(loadConfig({ ...oidc, FLEETBACK_DISABLE_ADMIN_TOKEN: 'true' }, []).disableAdminToken).toBe(true);
    expect(() => loadConfig({ FLEETBACK_DISABLE_ADMIN_TOKEN: 'yes' }, [])).toThrow(/not true or false/);
  });

  it('reads filesystem location roots as normalized absolute paths', () => {
    expect(loadConfig({ FLEETBACK_FILESYSTEM_LOCATION_ROOTS: '/backups/, /mnt/fb' }, []).filesystemLocationRoots).toEqual([
      '/backups',
      '/mnt/fb',
    ]);
    expect(() => loadConfig({ FLEETBACK_FILESYSTEM_LOCATION_ROOTS: 'relative' }, [])).toThrow(/normalized absolute path/);
    expect(() => loadConfig({ FLEETBACK_FILESYSTEM_LOCATION_ROOTS: '/a/../etc' }, [])).toThrow(/normalized absolute path/);
  });
});
