/** What a situation script may hold, filled in at the desk: the colleague's name and when they are back. */
export const SCRIPT_PLACEHOLDERS = ['{name}', '{until}'] as const;

/**
 * The braces of a script that are not one of `SCRIPT_PLACEHOLDERS`: a misspelt placeholder
 * ({nmae}) or a stray brace would be read out to the caller as it stands.
 */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = SCRIPT_PLACEHOLDERS;
  const found = text.match(/\{[^{}]*\}|[{}]/g) ?? [];
  return [...new Set(found.filter((p) => !known.includes(p)))];
}

/** A script with its placeholders filled in. */
export function fillPlaceholders(text: string, vars: { name: string; until: string }): string {
  return text.replaceAll('{name}', vars.name).replaceAll('{until}', vars.until);
}
