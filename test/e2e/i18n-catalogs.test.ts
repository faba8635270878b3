import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The UI text of the web app lives in three catalogues; this checks they stay complete and
// parallel. It needs no browser but sits with the web app's tests.
const webDir = path.resolve('src/web');
const i18nDir = path.join(webDir, 'i18n');
const LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;

type Catalogue = { [key: string]: string | Catalogue };

function flatten(tree: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const catalogues = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, flatten(JSON.parse(fs.readFileSync(path.join(i18nDir, `${lng}.json`), 'utf8')))]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

/** English may add the singular of a counted sentence (`key_one`); Chinese has one form. */
const isPluralVariant = (key: string, keys: Map<string, string>) =>
  /_(zero|one|two|few|many)$/.test(key) && keys.has(key.replace(/_[a-z]+$/, ''));

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('i18n catalogues of the web app', () => {
  it('zh-Hant, zh-Hans and en have the same keys', () => {
    const reference = [...catalogues['zh-Hant'].keys()].sort();
    for (const lng of LANGUAGES) {
      const keys = catalogues[lng];
      const own = [...keys.keys()].filter((k) => !isPluralVariant(k, keys)).sort();
      expect(own, `${lng}.json`).toEqual(reference);
    }
  });

  it('every text is filled in and uses the same placeholders in all three languages', () => {
    for (const [key, text] of catalogues['zh-Hant']) {
      for (const lng of LANGUAGES) {
        const other = catalogues[lng].get(key) ?? '';
        expect(other.trim(), `${lng}: ${key}`).not.toBe('');
        expect(placeholders(other), `${lng}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('the Simplified catalogue has no Traditional-only characters (apart from the name 繁體)', () => {
    const traditional = /[這個們為處業單樓電時會說與對開關門問題類項頁錯請書號職務戶層區變權將動]/;
    for (const [key, text] of catalogues['zh-Hans']) {
      if (key === 'language.names.zh-Hant') continue;
      expect(traditional.test(text), `zh-Hans: ${key} = ${text}`).toBe(false);
    }
  });

  it('components hold no Chinese text of their own: it all comes from the catalogues', () => {
    const offenders = sourceFiles(webDir)
      .filter((file) => /[\u3400-\u9fff]/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(webDir, file));
    expect(offenders).toEqual([]);
  });
});
