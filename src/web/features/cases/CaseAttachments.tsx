import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Empty, Image, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../app/api';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { useUploadAttachment } from './api';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type Attachment } from './types';

/** The address of an attachment, whether the server gives it under the API base or below it. */
function srcOf(attachment: Attachment): string {
  const url = attachment.url;
  if (/^(https?:)?\/\//.test(url) || url.startsWith(`${API_BASE}/`)) return url;
  return `${API_BASE}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The photos of a case (a leak, a broken gate): upload from a phone or a camera, view full size. */
export function CaseAttachments({ caseId, attachments }: { caseId: string; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUploadAttachment(caseId);
  const mayAttach = useCan()('case.attach');
  const [uploading, setUploading] = useState(0);

  const send = async (file: File) => {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      message.error(t('cases.attachments.wrongType', { name: file.name }));
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(t('cases.attachments.tooLarge', { name: file.name }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      await upload(file);
      message.success(t('cases.attachments.uploaded', { name: file.name }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const images = attachments.filter((a) => a.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attachments">
      {mayAttach && (
        <Upload
          accept={ATTACHMENT_TYPES.join(',')}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            // The file goes up as a raw body through the api client, not antd's form post.
            return false;
          }}
        >
          <Button icon={<CameraOutlined />} loading={uploading > 0} data-testid="attachment-upload">
            {t('cases.attachments.upload')}
          </Button>
        </Upload>
      )}
      {images.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.attachments.empty')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {images.map((a) => (
              <Image
                key={a.id}
                src={srcOf(a)}
                alt={a.fileName}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                data-testid="attachment"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Space>
  );
}
