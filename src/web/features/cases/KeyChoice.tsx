import { Radio } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';

export interface KeyChoiceOption<T extends string> {
  value: T;
  label: ReactNode;
  /** The digit that picks it; its position (1, 2, …) when not given. */
  digit?: number;
}

/**
 * What a person comes about, with one digit each on every screen that asks (the new case, the
 * call log, the walk-in): 1 is always an inquiry and 4 always a complaint.
 */
export const SUBJECT_DIGITS: Readonly<Record<string, number>> = {
  inquiry: 1,
  repair: 2,
  fee: 3,
  complaint: 4,
  message: 5,
  praise: 6,
  suggestion: 7,
  colleague: 8,
  other: 9,
};

/** Choices of what a person comes about, each with its digit of `SUBJECT_DIGITS`, in that order. */
export function subjectOptions<T extends string>(values: readonly T[], label: (value: T) => ReactNode): KeyChoiceOption<T>[] {
  return values
    .map((value) => ({ value, label: label(value), digit: SUBJECT_DIGITS[value] }))
    .sort((a, b) => (a.digit ?? 99) - (b.digit ?? 99));
}

const digitOf = <T extends string>(option: KeyChoiceOption<T>, index: number) => option.digit ?? index + 1;

const KEY_STYLE = { color: 'inherit', background: 'transparent', borderColor: 'currentColor', opacity: 0.75 } as const;

/**
 * A row of choices for the keyboard: Tab enters the group, arrow keys move, and the digit
 * shown on each choice picks it at once. The digits only act while the group has focus, so
 * typing a number into a text field never changes the choice.
 */
export function KeyChoice<T extends string>({
  value,
  onChange,
  options,
  testId,
  id,
  ariaLabel,
}: {
  value?: T | null;
  onChange?: (value: T) => void;
  options: KeyChoiceOption<T>[];
  testId: string;
  id?: string;
  ariaLabel?: string;
}) {
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef({ options, onChange });
  useEffect(() => {
    latest.current = { options, onChange };
  });

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      const option = latest.current.options.find((o, i) => digitOf(o, i) === Number(event.key));
      if (!option) return;
      event.preventDefault();
      latest.current.onChange?.(option.value);
      // Focus follows the choice, so the arrow keys go on from there.
      element.querySelector<HTMLInputElement>(`input[value="${option.value}"]`)?.focus();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div ref={root} data-testid={testId} data-value={value ?? ''}>
      <Radio.Group
        id={id}
        aria-label={ariaLabel}
        optionType="button"
        buttonStyle="solid"
        value={value ?? null}
        onChange={(e) => onChange?.(e.target.value as T)}
        options={options.map((o, i) => ({
          value: o.value,
          label: (
            <span data-testid={`${testId}-${o.value}`}>
              {/* Inherits the button's colours, so the digit stays readable on the chosen one. */}
              <kbd style={KEY_STYLE}>{digitOf(o, i)}</kbd> {o.label}
            </span>
          ),
        }))}
      />
    </div>
  );
}
