import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { RegionTree } from '../../regions';

/** Collapsible panel holding the region tree under the menu. */
export function RegionPanel() {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  return (
    <section className="region-panel" data-testid="region-panel">
      <Flex justify="space-between" align="center" className="region-panel-heading">
        <Typography.Text strong>{t('region.panelTitle')}</Typography.Text>
        <Button
          type="text"
          size="small"
          icon={open ? <DownOutlined /> : <RightOutlined />}
          aria-expanded={open}
          aria-label={open ? t('region.collapse') : t('region.expand')}
          onClick={() => setOpen(!open)}
          data-testid="region-panel-toggle"
        />
      </Flex>
      {open ? <RegionTree /> : null}
    </section>
  );
}
