import { createRequire } from 'node:module';

/** A font pdfkit embeds: a file path, or the file's bytes. */
export type FontSource = string | Buffer;

export interface PackFonts {
  readonly regular: FontSource;
  readonly bold: FontSource;
}

const require = createRequire(import.meta.url);
const noto = (file: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);

/**
 * Noto Sans SC (SIL OFL 1.1) as TrueType, from the npm package @expo-google-fonts/noto-sans-sc: one file per
 * weight covering Latin with Vietnamese, Cyrillic and Simplified Chinese, so a name like 陈伟 or Nguyễn Thị Hương
 * prints as written. TrueType rather than the CJK OpenType/CFF cuts: a 60-item pack made with those is three
 * times larger (118 KB, not 36 KB) and some viewers draw CID-keyed CFF subsets badly. Paths, not bytes: pdfkit reads a file per
 * document, so nothing holds the 10 MB files in memory between packs.
 */
export const notoSansSc = (): PackFonts => ({
  regular: noto('400Regular/NotoSansSC_400Regular.ttf'),
  bold: noto('700Bold/NotoSansSC_700Bold.ttf'),
});
