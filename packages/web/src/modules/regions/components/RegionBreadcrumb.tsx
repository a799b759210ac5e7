import { Breadcrumb, Button } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../hooks/useCurrentRegion';

export function RegionBreadcrumb() {
  const { t } = useI18n();
  const { region, scope, setRegion } = useCurrentRegion();
  const atScope = region.code === scope.code;
  const items = region.trail.map((name, index) => ({ key: `${index}-${name}`, title: name }));
  return (
    <div className="region-breadcrumb" data-testid="region-breadcrumb" data-region-code={region.code}>
      <EnvironmentOutlined aria-label={t('region.current')} />
      <Breadcrumb items={items} />
      {atScope ? null : (
        <Button type="link" size="small" className="no-print" onClick={() => setRegion(scope)} data-testid="region-reset">
          {t('region.backToScope')}
        </Button>
      )}
    </div>
  );
}
