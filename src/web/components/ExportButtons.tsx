import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';
import { useCan, useEstate } from '../app/session';

/** Plain links to the export endpoint: the browser downloads the file with the session cookie. */
export function ExportButtons({ target }: { target: 'units' | 'residents' }) {
  const { t } = useTranslation();
  const estate = useEstate();
  // The directory leaves the building only with those who hold its export (residents: managers).
  const mayExport = useCan()(target === 'units' ? 'unit.export' : 'resident.export');
  if (!mayExport) return null;
  return (
    <Space.Compact>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          icon={format === 'csv' ? <DownloadOutlined /> : undefined}
          href={apiUrl(`/estates/${estate.id}/${target}/export`, { format })}
          download
          data-testid={`export-${format}`}
        >
          {t(`export.${format}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
