import type { Contributor } from '../article/credits';
import { personKey } from './person';

/**
 * The contributors once a photo by `creator` is placed in the article: the creator with the
 * photo role (added, or the role added to them), so the credit line names them. Undefined when
 * nothing changes (no creator, or already credited for photos). Names match as people do
 * (personKey: NFC, spaces, case).
 */
export function withPhotoContributor(contributors: readonly Contributor[], creator: string): Contributor[] | undefined {
  const name = creator.trim();
  if (name === '') return undefined;
  const known = contributors.find((contributor) => personKey(contributor.name) === personKey(name));
  if (known?.roles.includes('photo')) return undefined;
  if (!known) return [...contributors, { name, roles: ['photo'] }];
  return contributors.map((contributor) =>
    contributor === known ? { ...known, roles: [...known.roles, 'photo'] } : contributor,
  );
}
