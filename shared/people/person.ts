import { z } from 'zod';
import { toNfc } from '../text/nfc';

/**
 * Someone who writes or photographs for the newsroom, typed once and offered everywhere a
 * name is asked for (article contributors, photo creators). `display` is how the credit line
 * writes the name ('' for the house default, upper case); `unit` their desk or outlet.
 */
export interface Person {
  name: string;
  display: string;
  unit: string;
}

export const personSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).transform(toNfc),
  display: z.string().trim().max(120).transform(toNfc),
  unit: z.string().trim().max(120).transform(toNfc),
});

/** A name as it is kept: NFC, single spaces, trimmed. */
export const personName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** One person per name, whatever the case or normalization it was typed in. */
export const personKey = (name: string): string => personName(name).toLocaleLowerCase('vi');
