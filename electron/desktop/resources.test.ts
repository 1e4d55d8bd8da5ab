import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs')) as {
  productName?: string;
  icon?: string;
  linux?: { desktop?: { entry?: Record<string, string> } };
};

describe("the desktop app's resources", () => {
  it('has a master icon electron-builder can make every platform icon from', async () => {
    const icon = await sharp(join(root, config.icon ?? '')).metadata();
    expect(icon.format).toBe('png');
    expect(Math.min(icon.width, icon.height)).toBeGreaterThanOrEqual(1024);
    expect(icon.hasAlpha).toBe(true);
  });

  it('has a Linux desktop entry in Vietnamese and English, in the Office category', () => {
    expect(config.productName).toBe('Newsroom');
    const entry = config.linux?.desktop?.entry ?? {};
    for (const key of ['Name', 'GenericName', 'Comment', 'Keywords']) {
      expect(entry[key], key).toBeTruthy();
      expect(entry[`${key}[vi]`], `${key}[vi]`).toBeTruthy();
      expect(entry[`${key}[vi]`]).not.toBe(entry[key]);
    }
    expect(entry['Name[vi]']).toBe('Tòa soạn');
    expect(entry.Categories?.split(';')).toContain('Office');
  });
});
