import { z } from 'zod';
import { creditTemplateSchema, defaultCreditTemplates } from '../article/credits';
import { copyDeskRules } from '../copydesk/checks';
import { captionCodeSchema } from '../photos/photo';
import { toneStyles } from '../text/toneStyle';
import { toNfc } from '../text/nfc';
import { safeUrl } from '../text/safeUrl';

/** An http(s) address, or '' for none. */
const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((url) => url === '' || (safeUrl(url)?.startsWith('http') ?? false), 'must be an http or https address');

/** How articles leave the editor: the site they are published on, the credits under photos, the reader comment form, which copy-desk rules block. */
export const exportSettingsSchema = z
  .strictObject({
    /** The site's address: with it, the page gets a canonical URL and absolute image URLs. */
    siteUrl: webAddress,
    /** The publisher named in the structured data; the outlet prefix when empty. */
    publisher: z.string().trim().max(120).transform(toNfc),
    /** "Ảnh: MINH TUẤN" after each caption. */
    photoCredit: z.boolean(),
    /** A reader comment form under the article (Họ và tên, Đơn vị, Điện thoại, Email, Nội dung) posting to an address. */
    commentForm: z.strictObject({ enabled: z.boolean(), action: webAddress }),
    /** Copy-desk rules whose findings block an export for publication instead of only warning. */
    blockingRules: z.array(z.enum(copyDeskRules)).max(copyDeskRules.length),
  })
  .refine((settings) => !settings.commentForm.enabled || settings.commentForm.action !== '', {
    message: 'the comment form needs the address it posts to',
    path: ['commentForm', 'action'],
  });
export type ExportSettings = z.output<typeof exportSettingsSchema>;

/** The newsroom's settings, stored in the archive so every shell and the CLI share them. */
export const settingsSchema = z.strictObject({
  /** Who is working: recorded with each status change. */
  userName: z.string().trim().max(120).transform(toNfc),
  /** Opens every lead unless an article overrides it: `CNQP&KT`. */
  outletPrefix: z.string().trim().max(40).transform(toNfc),
  /** What stands between the prefix and the lead: ` - `. */
  outletSeparator: z.string().max(10),
  creditTemplate: creditTemplateSchema,
  /** The copy desk: rules switched off, words and abbreviations the desk accepts, house tone style. */
  copyDesk: z.strictObject({
    disabled: z.array(z.enum(copyDeskRules)).max(copyDeskRules.length),
    knownWords: z.array(z.string().trim().min(1).max(60).transform(toNfc)).max(5000),
    knownAbbreviations: z.array(z.string().trim().min(1).max(20).transform(toNfc)).max(2000),
    toneStyle: z.enum(toneStyles),
  }),
  /** Short codes typed in captions that expand to long names with rank and post. */
  captionCodes: z.array(captionCodeSchema).max(2000),
  export: exportSettingsSchema,
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  userName: '',
  outletPrefix: '',
  outletSeparator: ' - ',
  creditTemplate: defaultCreditTemplates.vi,
  copyDesk: { disabled: [], knownWords: [], knownAbbreviations: [], toneStyle: 'òa' },
  captionCodes: [],
  export: {
    siteUrl: '',
    publisher: '',
    photoCredit: true,
    commentForm: { enabled: false, action: '' },
    blockingRules: [],
  },
};
