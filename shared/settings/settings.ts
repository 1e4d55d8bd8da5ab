import { z } from 'zod';
import { creditTemplateSchema, defaultCreditTemplates } from '../article/credits';
import { copyDeskRules } from '../copydesk/checks';
import { captionCodeSchema } from '../photos/photo';
import { toneStyles } from '../text/toneStyle';
import { toNfc } from '../text/nfc';

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
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  userName: '',
  outletPrefix: '',
  outletSeparator: ' - ',
  creditTemplate: defaultCreditTemplates.vi,
  copyDesk: { disabled: [], knownWords: [], knownAbbreviations: [], toneStyle: 'òa' },
  captionCodes: [],
};
