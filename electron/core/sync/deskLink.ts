import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { deskRoles } from '../../../shared/desk/protocol';
import { CoreError } from '../CoreError';

/** This laptop's membership of a desk, kept beside the archive with mode 600 (the token is a secret). */
const deskLinkSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
  user: z.string(),
  role: z.enum(deskRoles),
  deviceId: z.uuid(),
});
export type DeskLink = z.output<typeof deskLinkSchema>;

const linkPath = (dataDir: string) => join(dataDir, 'desk.json');

export function readDeskLink(dataDir: string): DeskLink | undefined {
  const path = linkPath(dataDir);
  if (!existsSync(path)) return undefined;
  const parsed = deskLinkSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** The link, or the refusal a person can act on: join a desk first. */
export function requireDeskLink(dataDir: string): DeskLink {
  const link = readDeskLink(dataDir);
  if (!link) throw new CoreError('desk_not_joined', 'This laptop has not joined a desk: join one first.');
  return link;
}

export function writeDeskLink(dataDir: string, link: DeskLink): void {
  const path = linkPath(dataDir);
  writeFileSync(`${path}.partial`, `${JSON.stringify(link, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.partial`, path);
}

export function forgetDeskLink(dataDir: string): void {
  rmSync(linkPath(dataDir), { force: true });
}
