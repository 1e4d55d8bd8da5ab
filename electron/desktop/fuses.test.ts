import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)(join(import.meta.dirname, '..', '..', 'electron-builder.config.cjs')) as {
  electronFuses?: Record<string, boolean>;
};

describe('the packaged desktop app', () => {
  it('has every security fuse set', () => {
    expect(config.electronFuses).toEqual({
      // The photo decoder is a utility process, so nothing needs the binary to run as Node.
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
