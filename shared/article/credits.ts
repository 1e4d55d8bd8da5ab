import { z } from 'zod';
import { toNfc } from '../text/nfc';

export const articleKinds = ['news', 'article', 'feature', 'interview', 'commentary'] as const;
export type ArticleKind = (typeof articleKinds)[number];

export const contributorRoles = ['text', 'photo', 'video', 'graphics'] as const;
export type ContributorRole = (typeof contributorRoles)[number];

export const contributorSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).transform(toNfc),
  roles: z.array(z.enum(contributorRoles)).min(1).max(contributorRoles.length),
});
export type Contributor = z.output<typeof contributorSchema>;

/** House style for the closing credit line. A setting, with Vietnamese and English defaults. */
export const creditTemplateSchema = z.strictObject({
  /** The text role's label depends on the kind: `Tin` for news, `Bài` for articles… */
  textLabel: z.strictObject(
    Object.fromEntries(articleKinds.map((kind) => [kind, z.string().min(1).max(40)])) as Record<
      ArticleKind,
      z.ZodString
    >,
  ),
  photoLabel: z.string().min(1).max(40),
  videoLabel: z.string().min(1).max(40),
  graphicsLabel: z.string().min(1).max(40),
  /** Between a group's roles: `Tin, ảnh`. */
  roleSeparator: z.string().max(10),
  /** Between the label and the names: `Tin, ảnh: …`. */
  labelSeparator: z.string().max(10),
  /** Between names: `NGUYÊN KHÔI - MINH TUẤN`. */
  nameSeparator: z.string().max(10),
  /** Between groups with different roles: `Bài: A; Ảnh: B`. */
  groupSeparator: z.string().max(10),
  upperCaseNames: z.boolean(),
});
export type CreditTemplate = z.output<typeof creditTemplateSchema>;

export const defaultCreditTemplates: Record<'vi' | 'en', CreditTemplate> = {
  vi: {
    textLabel: { news: 'Tin', article: 'Bài', feature: 'Bài', interview: 'Bài', commentary: 'Bài' },
    photoLabel: 'Ảnh',
    videoLabel: 'Video',
    graphicsLabel: 'Đồ họa',
    roleSeparator: ', ',
    labelSeparator: ': ',
    nameSeparator: ' - ',
    groupSeparator: '; ',
    upperCaseNames: true,
  },
  en: {
    textLabel: { news: 'Report', article: 'Text', feature: 'Text', interview: 'Interview', commentary: 'Commentary' },
    photoLabel: 'Photos',
    videoLabel: 'Video',
    graphicsLabel: 'Graphics',
    roleSeparator: ', ',
    labelSeparator: ': ',
    nameSeparator: ' - ',
    groupSeparator: '; ',
    upperCaseNames: true,
  },
};

const roleLabel = (role: ContributorRole, kind: ArticleKind, template: CreditTemplate): string => {
  switch (role) {
    case 'text':
      return template.textLabel[kind];
    case 'photo':
      return template.photoLabel;
    case 'video':
      return template.videoLabel;
    case 'graphics':
      return template.graphicsLabel;
  }
};

const lowerFirst = (label: string): string => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

export const displayName = (name: string, template: CreditTemplate): string =>
  template.upperCaseNames ? name.toLocaleUpperCase('vi') : name;

/**
 * The closing credit line from the contributors: people with the same roles share one label
 * (`Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN`); different roles give groups (`Bài: A; Ảnh: B`).
 * `display` gives a name's form from the contributor registry, when it has one.
 */
export function creditLine(
  contributors: readonly Contributor[],
  kind: ArticleKind,
  template: CreditTemplate,
  display?: (name: string) => string | undefined,
): string {
  const groups = new Map<string, { roles: ContributorRole[]; names: string[] }>();
  for (const contributor of contributors) {
    const roles = contributorRoles.filter((role) => contributor.roles.includes(role));
    const key = roles.join('+');
    const group = groups.get(key) ?? { roles, names: [] };
    group.names.push(display?.(contributor.name) || displayName(contributor.name, template));
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ roles, names }) => {
      const label = roles
        .map((role, index) =>
          index === 0 ? roleLabel(role, kind, template) : lowerFirst(roleLabel(role, kind, template)),
        )
        .join(template.roleSeparator);
      return `${label}${template.labelSeparator}${names.join(template.nameSeparator)}`;
    })
    .join(template.groupSeparator);
}

export interface ParsedCredit {
  contributors: Contributor[];
  /** The kind the text label names, when it names one (`Tin` → news). */
  kind?: ArticleKind;
}

/** Reads a closing credit line written in house style back into contributors; undefined if it is not one. */
export function parseCreditLine(line: string, template: CreditTemplate): ParsedCredit | undefined {
  const contributors: Contributor[] = [];
  let kind: ArticleKind | undefined;
  const labelFor = (word: string): { role: ContributorRole; kind?: ArticleKind } | undefined => {
    const wanted = word.trim().toLocaleLowerCase('vi');
    const textKind = articleKinds.find((candidate) => template.textLabel[candidate].toLocaleLowerCase('vi') === wanted);
    if (textKind) return { role: 'text', kind: textKind };
    if (template.photoLabel.toLocaleLowerCase('vi') === wanted) return { role: 'photo' };
    if (template.videoLabel.toLocaleLowerCase('vi') === wanted) return { role: 'video' };
    if (template.graphicsLabel.toLocaleLowerCase('vi') === wanted) return { role: 'graphics' };
    return undefined;
  };
  for (const group of toNfc(line.trim()).split(template.groupSeparator.trim())) {
    const at = group.indexOf(template.labelSeparator.trim());
    if (at <= 0) return undefined;
    const labels = group.slice(0, at).split(template.roleSeparator.trim()).map(labelFor);
    if (labels.some((label) => label === undefined)) return undefined;
    const roles = labels.map((label) => label?.role) as ContributorRole[];
    kind ??= labels.find((label) => label?.kind)?.kind;
    const names = group
      .slice(at + template.labelSeparator.trim().length)
      .split(template.nameSeparator.trim() === '' ? template.nameSeparator : template.nameSeparator.trim())
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    if (names.length === 0) return undefined;
    for (const name of names) {
      const known = contributors.find((contributor) => contributor.name === name);
      if (known) known.roles = contributorRoles.filter((role) => known.roles.includes(role) || roles.includes(role));
      else contributors.push({ name, roles });
    }
  }
  return contributors.length > 0 ? { contributors, kind } : undefined;
}
