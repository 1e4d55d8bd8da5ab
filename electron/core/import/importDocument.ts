import mammoth from 'mammoth';
import { extname } from 'node:path';
import type { ArticleContent } from '../../../shared/article/article';
import { bodyText } from '../../../shared/article/article';
import { mapText } from '../../../shared/article/mapText';
import { convertLegacyBlocks } from '../../../shared/text/legacyEncodings';
import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import type { CreditTemplate } from '../../../shared/article/credits';
import { htmlToBlocks, textToBlocks } from '../../../shared/article/fromHtml';
import { recognizeStory } from '../../../shared/article/recognize';
import { CoreError } from '../CoreError';

export const maxImportBytes = 20 * 1024 * 1024;

type Format = 'docx' | 'html' | 'txt';

const formatsByExtension: Record<string, Format> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'txt' };

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Text is valid UTF-8 without NUL bytes; a BOM is allowed. */
/**
 * UTF-8; otherwise Windows-1252, as old 8-bit newsroom files are (TCVN3 and VNI text among
 * them, converted later). Anything with control characters is not text.
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    const control = [...text].some((character) => {
      const code = character.charCodeAt(0);
      return (
        (code < 0x20 && character !== '\t' && character !== '\n' && character !== '\r' && character !== '\f') ||
        code === 0x7f
      );
    });
    return control ? undefined : text;
  }
}

const looksLikeHtml = (text: string): boolean =>
  /<(!doctype|html|head|body|p|div|h[1-6]|article|section|span|br|ul|ol|table)\b/i.test(text.slice(0, 4096));

async function blocksOf(format: Format, bytes: Uint8Array, name: string) {
  if (format === 'docx') {
    if (!isZip(bytes))
      throw new CoreError('validation', `${name} is not a Word document (.docx), whatever its name says.`);
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    } catch {
      throw new CoreError(
        'validation',
        `${name} cannot be read as a Word document (.docx): it may be damaged or an older .doc file.`,
      );
    }
    return htmlToBlocks(html);
  }
  const text = decodeText(bytes);
  if (text === undefined)
    throw new CoreError(
      'validation',
      `${name} is not a text file (${format === 'html' ? '.html' : '.txt'}), whatever its name says.`,
    );
  if (format === 'html') {
    if (!looksLikeHtml(text)) throw new CoreError('validation', `${name} does not contain HTML.`);
    return htmlToBlocks(text);
  }
  return textToBlocks(text);
}

/**
 * Turns a .docx, .html or .txt file into an article's content: the format is the extension's,
 * checked against the bytes; an empty, oversized or mislabelled file is refused with a reason.
 */
export interface ImportedDocument {
  content: ArticleContent;
  /** The text was in a legacy encoding and was converted to Unicode. */
  convertedFrom: LegacyEncoding | null;
}

export async function importDocument(
  name: string,
  bytes: Uint8Array,
  template: CreditTemplate,
): Promise<ImportedDocument> {
  const format = formatsByExtension[extname(name).toLowerCase()];
  if (!format) throw new CoreError('validation', `${name}: only .docx, .html and .txt files can be imported.`);
  if (bytes.length === 0) throw new CoreError('validation', `${name} is empty.`);
  if (bytes.length > maxImportBytes)
    throw new CoreError('validation', `${name} is larger than ${maxImportBytes / 1024 / 1024} MB.`);
  const found = await blocksOf(format, bytes, name);
  if (found.length === 0) throw new CoreError('validation', `${name} has no text to import.`);
  // Old newsroom files are often TCVN3 (ABC) or VNI: converted to Unicode before anything reads them.
  const { blocks, convertedFrom } = convertLegacyBlocks(
    found,
    bodyText(found),
    (body, change) => mapText({ headline: '', lead: [{ text: '' }], body }, change).body,
  );
  return { content: recognizeStory(blocks, template), convertedFrom };
}
