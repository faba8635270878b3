import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { ResidentSessionInfo } from '../../../contract/portal';
import { useLanguage } from '../../app/locale';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { usePortalSession } from '../../features/portal/session';
import { usePortalErrorText } from '../../features/portal/text';

type Mode = 'password' | 'code' | 'invitation';

/** Only the portal's own pages may be returned to after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/portal') && !next.startsWith('/portal/sign-in') ? next : '/portal';
}

/**
 * The resident's sign-in: phone or email with a password; or a code sent to the phone; or the
 * invitation code the office gave, with a password of their choosing (or none, to sign in by codes).
 */
export default function PortalSignInPage() {
  const { t } = useTranslation();
  const { session, client, signedIn } = usePortalSession();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const errorText = usePortalErrorText();
  const [mode, setMode] = useState<Mode>(search.get('invitation') !== null ? 'invitation' : 'password');
  const [codeSentTo, setCodeSentTo] = useState<{ login: string; minutes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const next = safeNext(search.get('next'));
  if (session) return <Navigate to={next} replace />;

  const run = async (work: () => Promise<ResidentSessionInfo | null>) => {
    setBusy(true);
    setError(null);
    try {
      const info = await work();
      if (info) {
        signedIn(info);
        navigate(next, { replace: true });
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const post = <T,>(path: string, body: unknown) => client.post<T>(path, body, { expectUnauthorized: true });

  const choose = (value: Mode) => {
    setMode(value);
    setError(null);
    setCodeSentTo(null);
  };

  return (
    <main className="ed-portal-signin" data-testid="portal-sign-in">
      <div style={{ alignSelf: 'flex-end' }}>
        <LanguageSwitcher />
      </div>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('portal.signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.signIn.subtitle')}</Typography.Paragraph>
        <Segmented<Mode>
          block
          size="large"
          value={mode}
          onChange={choose}
          style={{ marginBottom: 16 }}
          data-testid="portal-sign-in-mode"
          options={(['password', 'code', 'invitation'] as const).map((m) => ({
            value: m,
            label: <span data-testid={`portal-mode-${m}`}>{t(`portal.signIn.modes.${m}`)}</span>,
          }))}
        />
        {mode === 'password' && (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { login: string; password: string }) =>
              void run(() => post<ResidentSessionInfo>('/portal/auth/login', { login: v.login, password: v.password }))
            }
          >
            <Form.Item
              name="login"
              label={t('portal.fields.login')}
              rules={[{ required: true, whitespace: true, message: t('portal.signIn.loginRequired') }]}
            >
              <Input
                size="large"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                data-testid="portal-login"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('portal.fields.password')}
              rules={[{ required: true, message: t('portal.signIn.passwordRequired') }]}
            >
              <Input.Password size="large" autoComplete="current-password" data-testid="portal-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-sign-in-error" />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="portal-sign-in-submit">
              {t('portal.signIn.submit')}
            </Button>
          </Form>
        )}
        {mode === 'code' && (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { login: string; code?: string }) =>
              void run(async () => {
                if (!codeSentTo) {
                  const sent = await post<{ expiresInMinutes: number }>('/portal/auth/code', { login: v.login });
                  setCodeSentTo({ login: v.login, minutes: sent.expiresInMinutes });
                  return null;
                }
                return post<ResidentSessionInfo>('/portal/auth/code-login', { login: codeSentTo.login, code: v.code ?? '' });
              })
            }
          >
            <Form.Item
              name="login"
              label={t('portal.fields.login')}
              rules={[{ required: true, whitespace: true, message: t('portal.signIn.loginRequired') }]}
            >
              <Input
                size="large"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                disabled={codeSentTo !== null}
                data-testid="portal-code-login"
              />
            </Form.Item>
            {codeSentTo && (
              <>
                <Alert
                  type="info"
                  showIcon
                  title={t('portal.signIn.codeSent', { minutes: codeSentTo.minutes })}
                  style={{ marginBottom: 16 }}
                  data-testid="portal-code-sent"
                />
                <Form.Item
                  name="code"
                  label={t('portal.fields.code')}
                  rules={[{ required: true, whitespace: true, message: t('portal.signIn.codeRequired') }]}
                >
                  <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={20} data-testid="portal-code" />
                </Form.Item>
              </>
            )}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-sign-in-error" />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="portal-code-submit">
              {codeSentTo ? t('portal.signIn.submit') : t('portal.signIn.sendCode')}
            </Button>
            {codeSentTo && (
              <Button type="link" block onClick={() => setCodeSentTo(null)} data-testid="portal-code-again">
                {t('portal.signIn.codeAgain')}
              </Button>
            )}
          </Form>
        )}
        {mode === 'invitation' && (
          <Form
            layout="vertical"
            requiredMark={false}
            initialValues={{ code: search.get('invitation') ?? '' }}
            onFinish={(v: { code: string; password?: string }) =>
              void run(() =>
                post<ResidentSessionInfo>('/portal/auth/invitation', {
                  code: v.code,
                  ...(v.password ? { password: v.password } : {}),
                  locale: language,
                }),
              )
            }
          >
            <Typography.Paragraph type="secondary">{t('portal.signIn.invitationHelp')}</Typography.Paragraph>
            <Form.Item
              name="code"
              label={t('portal.signIn.invitationCode')}
              rules={[{ required: true, whitespace: true, message: t('portal.signIn.codeRequired') }]}
            >
              <Input size="large" autoCapitalize="characters" spellCheck={false} autoComplete="off" data-testid="portal-invitation-code" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('portal.signIn.newPassword')}
              extra={t('portal.signIn.newPasswordHelp')}
              rules={[{ min: 10, message: t('portal.account.passwordLength') }]}
            >
              <Input.Password size="large" autoComplete="new-password" data-testid="portal-invitation-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-sign-in-error" />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="portal-invitation-submit">
              {t('portal.signIn.accept')}
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Text type="secondary">{t('portal.signIn.footer')}</Typography.Text>
    </main>
  );
}
