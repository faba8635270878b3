import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useEstate } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useAllBuildings } from '../directory/api';
import type { CreateUnitInput, Unit } from '../directory/types';

interface UnitValues {
  buildingId: string;
  number: string;
  floor: number;
  areaM2: number | null;
}

/** Creates a unit (unit === null) or edits one. */
export function UnitForm({
  open,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const estate = useEstate();
  const buildings = useAllBuildings();
  const labels = {
    buildingId: t('units.building'),
    number: t('units.number'),
    floor: t('units.floor'),
    areaM2: t('units.area'),
  };
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });

  return (
    <FormModal<UnitValues>
      open={open}
      onClose={onClose}
      title={unit ? t('units.editTitle', { unit: `${unit.buildingName} ${unit.number}` }) : t('units.createTitle')}
      testId="unit-form"
      labels={labels}
      initialValues={
        unit
          ? { buildingId: unit.buildingId, number: unit.number, floor: unit.floor, areaM2: unit.areaM2 }
          : { buildingId: buildings.data?.items[0]?.id }
      }
      onSubmit={async (values) => {
        const body: CreateUnitInput = {
          buildingId: values.buildingId,
          number: values.number.trim(),
          floor: values.floor,
          areaM2: values.areaM2 ?? null,
        };
        const saved = unit ? await api.patch<Unit>(`/units/${unit.id}`, body) : await api.post<Unit>(`/estates/${estate.id}/units`, body);
        onSaved(saved);
      }}
    >
      <Form.Item name="buildingId" label={labels.buildingId} rules={[required(labels.buildingId)]}>
        <Select
          loading={buildings.isPending}
          options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          data-testid="unit-form-building"
        />
      </Form.Item>
      <Form.Item name="number" label={labels.number} rules={[{ ...required(labels.number), whitespace: true }]}>
        <Input maxLength={20} autoFocus data-testid="unit-form-number" />
      </Form.Item>
      <Form.Item
        name="floor"
        label={labels.floor}
        rules={[required(labels.floor), { type: 'number', min: -10, max: 200, message: t('units.floorRange') }]}
      >
        <InputNumber precision={0} style={{ width: '100%' }} data-testid="unit-form-floor" />
      </Form.Item>
      <Form.Item name="areaM2" label={labels.areaM2}>
        <InputNumber min={0} step={0.1} style={{ width: '100%' }} suffix={t('units.areaUnit')} />
      </Form.Item>
    </FormModal>
  );
}
