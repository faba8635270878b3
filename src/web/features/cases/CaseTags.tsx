import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseKind, type CaseStatus, type Channel, KIND_COLORS, STATUS_COLORS } from './types';

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag" data-status={status}>
      {t(`cases.statuses.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: CaseKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" data-testid="kind-tag" data-kind={kind}>
      {t(`caseKinds.${kind}`)}
    </Tag>
  );
}

export function ChannelText({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return <span data-channel={channel}>{t(`cases.channels.${channel}`)}</span>;
}
