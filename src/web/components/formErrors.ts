import type { FormInstance } from 'antd';
import { ApiError } from '../app/api';
import { translateOr } from '../i18n';

export type FieldPath = (string | number)[];

/** Turns a server path such as `body.policy.followUpHours.leak` into a form field name. */
export function fieldPathOf(serverPath: string): FieldPath {
  const segments = serverPath.split('.').filter(Boolean);
  if (segments[0] === 'body' || segments[0] === 'query' || segments[0] === 'params') segments.shift();
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

interface ServerErrorOptions {
  /** The label of each form field, by its name joined with '.', so messages can name the field. */
  labels: Record<string, string>;
  /** Server paths (without `body.`) that belong to a differently named form field. */
  aliases?: Record<string, string>;
  /** Error codes that concern one field although the server names none (`auth.password_mismatch`). */
  codeFields?: Record<string, string>;
}

export interface PlacedErrors {
  /** How many fields got a message. */
  placed: number;
  /** Messages that belong to no field of the form, for a form-level alert. */
  unplaced: string[];
}

/** Puts the field issues of a server error onto the form fields they name. */
export function applyServerErrors(form: FormInstance, error: unknown, options: ServerErrorOptions): PlacedErrors {
  if (!(error instanceof ApiError)) return { placed: 0, unplaced: [] };
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];

  const place = (rawPath: string, message: (label: string) => string, fallback: string) => {
    const joined = fieldPathOf(rawPath).join('.');
    const name = options.aliases?.[joined] ?? joined;
    const label = options.labels[name];
    if (label === undefined) {
      unplaced.push(fallback);
      return;
    }
    byField.set(name, [...(byField.get(name) ?? []), message(label)]);
  };

  for (const issue of error.issues) {
    const text = (label: string) =>
      translateOr(
        `validation.${issue.code ?? 'unknown'}`,
        translateOr('validation.fallback', issue.message, { field: label, message: issue.message }),
        {
          field: label,
          message: issue.message,
        },
      );
    place(issue.path, text, `${issue.path}: ${issue.message}`);
  }

  // Errors that are not schema issues may still name one field (reference.not_found, conflict.duplicate).
  const field = typeof error.details.field === 'string' ? error.details.field : options.codeFields?.[error.code];
  if (error.issues.length === 0 && typeof field === 'string') {
    const sentence = translateOr(`errors.${error.code}`, error.message, error.details);
    place(field, (label) => translateOr('validation.named', sentence, { field: label, message: sentence }), sentence);
  }

  form.setFields([...byField.entries()].map(([name, errors]) => ({ name: fieldPathOf(name), errors })));
  return { placed: byField.size, unplaced };
}
