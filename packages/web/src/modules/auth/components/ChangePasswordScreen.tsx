import { useI18n } from '../../i18n';
import { PageContainer } from '../../ui';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordScreen() {
  const { t } = useI18n();
  return (
    <PageContainer title={t('password.title')} testId="password-page">
      <ChangePasswordForm />
    </PageContainer>
  );
}
