import { Radio } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';

export interface KeyChoiceOption<T extends string> {
  value: T;
  label: ReactNode;
}

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
      const option = latest.current.options[Number(event.key) - 1];
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
              <kbd style={KEY_STYLE}>{i + 1}</kbd> {o.label}
            </span>
          ),
        }))}
      />
    </div>
  );
}
