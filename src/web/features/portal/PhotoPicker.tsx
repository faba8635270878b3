import { CameraOutlined, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { type ChangeEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from './api';

/**
 * Photos for a report, taken with the phone's camera or picked from its album; they go up one
 * by one once the case exists. Only JPEG, PNG and WebP of at most 10 MiB are taken.
 */
export function PhotoPicker({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(
    () => () => {
      for (const url of previews) URL.revokeObjectURL(url);
    },
    [previews],
  );

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const accepted = picked.filter((file) => {
      if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
        message.error(t('portal.photos.wrongType', { name: file.name }));
        return false;
      }
      if (file.size > PHOTO_MAX_BYTES) {
        message.error(t('portal.photos.tooLarge', { name: file.name }));
        return false;
      }
      return true;
    });
    if (accepted.length) onChange([...files, ...accepted]);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="portal-photos">
      <Space wrap>
        <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="portal-photo-camera">
          {t('portal.photos.take')}
        </Button>
        <Button size="large" icon={<PictureOutlined />} onClick={() => album.current?.click()} data-testid="portal-photo-album">
          {t('portal.photos.choose')}
        </Button>
      </Space>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={add}
        data-testid="portal-photo-camera-input"
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        onChange={add}
        data-testid="portal-photo-input"
      />
      {files.length > 0 && (
        <Space wrap>
          {files.map((file, i) => (
            <div key={previews[i]} style={{ position: 'relative' }} data-testid="portal-photo">
              <img
                src={previews[i]}
                alt={file.name}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 6, display: 'block' }}
              />
              <Button
                size="small"
                shape="circle"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('portal.photos.remove', { name: file.name })}
                style={{ position: 'absolute', top: 2, right: 2 }}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              />
            </div>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.photos.help')}
      </Typography.Text>
    </Space>
  );
}
