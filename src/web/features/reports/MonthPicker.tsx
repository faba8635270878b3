import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month a report page shows, kept in the address (`?month=YYYY-MM`) so a report can be
 * linked and reloaded; without one, the given default.
 */
export function useReportMonth(fallback: string): [string, (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : fallback;
  const setMonth = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('month', next);
        return copy;
      },
      { replace: true },
    );
  return [month, setMonth];
}

/** A month to report on, up to the current one (`latest`, YYYY-MM). */
export function MonthPicker({ month, latest, onChange }: { month: string; latest: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${month}-01`)}
      format="YYYY-MM"
      aria-label={t('reports.monthly.month')}
      data-testid="report-month"
      disabledDate={(d) => d.format('YYYY-MM') > latest}
      onChange={(value) => value && onChange(value.format('YYYY-MM'))}
    />
  );
}
