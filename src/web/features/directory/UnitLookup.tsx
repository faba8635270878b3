import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Select, type SelectProps, Space, Tag, Typography } from 'antd';
import { type Ref, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../i18n';
import { useUnitLookup } from './api';
import type { Unit } from './types';

export type UnitRef = Pick<Unit, 'id' | 'buildingName' | 'number'>;

/** A unit as people say it: the block's name, a space, the number. */
export const unitLabel = (u: UnitRef | null | undefined) => (u ? `${u.buildingName} ${u.number}` : '');

/** What the lookup picks: a resident with the unit they live in, a unit alone, or a resident without a unit. */
export interface LookupPick {
  key: string;
  unit: UnitRef | null;
  resident: { id: string; name: string; phone: string | null; kind?: string } | null;
}

export const pickKey = (unitId: string | null | undefined, residentId: string | null | undefined) =>
  residentId ? `r:${residentId}:${unitId ?? ''}` : `u:${unitId ?? ''}`;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function pickLabel(p: LookupPick): string {
  if (!p.resident) return unitLabel(p.unit);
  return [p.resident.name, unitLabel(p.unit)].filter(Boolean).join(' · ');
}

/**
 * The one unit and caller lookup of every screen that asks for a unit (the phone desk, a new
 * case, a walk-in, a message, a call): the same text finds the same unit everywhere, block and
 * number in either order ("Block A 12B", "12B Block A"), exact numbers first (3A before 13A). Typing a phone
 * number or a name finds the resident with their unit. Arrow keys and Enter pick.
 */
export function UnitLookup({
  value,
  onChange,
  onSearchText,
  id,
  testId,
  optionTestId = 'caller-option',
  placeholder,
  notFoundText,
  size,
  autoFocus,
  selectRef,
}: {
  value: LookupPick | null;
  onChange: (pick: LookupPick | null) => void;
  /** What is typed, as it is typed (the phone desk keeps a number nobody is found for). */
  onSearchText?: (text: string) => void;
  id?: string;
  testId: string;
  optionTestId?: string;
  placeholder?: string;
  /** What to say when nothing matches, where the screen has more to say than that. */
  notFoundText?: string;
  size?: SelectProps['size'];
  autoFocus?: boolean;
  selectRef?: Ref<{ focus: () => void }>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const searching = q.length > 0;
  const lookup = useUnitLookup(q);
  // Only answers to what is typed now: Enter must never pick a match for an earlier prefix.
  const fresh = searching && q === text.trim() && lookup.isSuccess && !lookup.isPlaceholderData;

  const picks = useMemo(() => {
    const found: LookupPick[] = fresh
      ? (lookup.data?.items ?? []).map((m) => ({
          key: pickKey(m.unit?.id, m.resident?.id),
          unit: m.unit,
          resident: m.resident,
        }))
      : [];
    // The chosen one stays an option, so its label shows after the search moves on.
    if (value && !found.some((p) => p.key === value.key)) found.push(value);
    return found;
  }, [fresh, lookup.data, value]);

  const options = picks.map((p) => ({ value: p.key, label: pickLabel(p), pick: p }));
  const search = (next: string) => {
    setText(next);
    onSearchText?.(next);
  };

  return (
    <Select<string, (typeof options)[number]>
      id={id}
      ref={selectRef as never}
      allowClear
      autoFocus={autoFocus}
      // At most a few dozen lines: all of them in the page, in their order.
      virtual={false}
      size={size}
      value={value?.key ?? null}
      placeholder={placeholder ?? t('lookup.placeholder')}
      options={options}
      loading={searching && !fresh}
      showSearch={{ filterOption: false, onSearch: search, searchValue: text }}
      onInputKeyDown={(e) => {
        // Keys pressed with Alt are the screens' shortcuts, never text (a Mac's Option+2 would
        // type a character here), even while a screen's shortcuts are not yet listening.
        if (e.altKey && !e.ctrlKey && !e.metaKey) e.preventDefault();
      }}
      onChange={(_key, option) => {
        const chosen = Array.isArray(option) ? option[0] : option;
        onChange(chosen?.pick ?? null);
        search('');
      }}
      onBlur={() => setText('')}
      notFoundContent={
        <span data-testid={`${testId}-none`}>
          {!searching ? t('lookup.hint') : fresh ? (notFoundText ?? t('lookup.notFound')) : t('lookup.searching')}
        </span>
      }
      optionRender={(option) => {
        const p = option.data.pick;
        return (
          <Space size={8} wrap data-testid={optionTestId} data-unit-id={p.unit?.id ?? ''} data-resident-id={p.resident?.id ?? ''}>
            {p.resident ? <UserOutlined /> : <HomeOutlined />}
            <span>{p.resident?.name ?? unitLabel(p.unit)}</span>
            {p.resident && p.unit && <Typography.Text type="secondary">{unitLabel(p.unit)}</Typography.Text>}
            {p.resident?.kind && <Tag>{translateOr(`residents.kinds.${p.resident.kind}`, p.resident.kind)}</Tag>}
            {p.resident?.phone && <Typography.Text type="secondary">{p.resident.phone}</Typography.Text>}
          </Space>
        );
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}

/**
 * A form field holding a unit id, found with the same lookup: a resident picked brings the
 * unit they live in. The unit already chosen keeps its label before any search.
 */
export function UnitField({
  value,
  onChange,
  known,
  id,
  testId,
  onPick,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  known?: UnitRef | null;
  id?: string;
  testId: string;
  /** The whole pick, resident included, for a form that fills more than the unit from it. */
  onPick?: (pick: LookupPick | null) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<LookupPick | null>(null);
  const current: LookupPick | null = !value
    ? null
    : picked?.unit?.id === value
      ? picked
      : known?.id === value
        ? { key: pickKey(known.id, null), unit: known, resident: null }
        : { key: pickKey(value, null), unit: { id: value, buildingName: '', number: t('lookup.chosenUnit') }, resident: null };
  return (
    <UnitLookup
      id={id}
      testId={testId}
      value={current}
      onChange={(pick) => {
        setPicked(pick);
        onChange?.(pick?.unit?.id ?? null);
        onPick?.(pick);
      }}
    />
  );
}
