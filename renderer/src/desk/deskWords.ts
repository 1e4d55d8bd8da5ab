import type { DeskRole, Refusal } from '../../../shared/desk/protocol';
import { refusals } from '../../../shared/desk/protocol';
import type { MessageKey } from '../i18n/messages';

/** A desk's refusal in words, naming the rule; one the page does not know reads as a general refusal. */
export const refusalKey = (rule: string): MessageKey =>
  (refusals as readonly string[]).includes(rule) ? `desk.rule.${rule as Refusal}` : 'desk.rule.other';

export const roleKey = (role: DeskRole): MessageKey => `desk.role.${role}`;
