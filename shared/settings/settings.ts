import { z } from 'zod';
import { creditTemplateSchema, defaultCreditTemplates } from '../article/credits';
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
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  userName: '',
  outletPrefix: '',
  outletSeparator: ' - ',
  creditTemplate: defaultCreditTemplates.vi,
};
