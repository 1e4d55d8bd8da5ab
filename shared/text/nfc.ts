/** Every string the archive stores is NFC, whatever the keyboard, IME or paste produced. */
export const toNfc = (text: string): string => text.normalize('NFC');
