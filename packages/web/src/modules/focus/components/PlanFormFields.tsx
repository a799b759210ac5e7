import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { INCOME_PARTS, MEASURE_CATEGORIES } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { measureCategoryLabel, partLabel } from '../focusLabels';

/** The fields of the plan form (一户一策): cadre, target, part targets, measures and this revision's progress note. */
export function PlanFormFields({ storedPhone }: { storedPhone: string | null }) {
  const { t, language } = useI18n();
  const categories = MEASURE_CATEGORIES.map((c) => ({ value: c, label: measureCategoryLabel(c, language) }));
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="cadreName" label={t('focus.form.cadreName')} required>
            <Input maxLength={30} placeholder={t('focus.form.cadreNamePlaceholder')} data-testid="focus-plan-cadre-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="cadrePhone"
            label={t('focus.form.cadrePhone')}
            extra={storedPhone ? t('focus.form.phoneKeep', { phone: storedPhone }) : undefined}
          >
            <Input maxLength={30} placeholder={storedPhone ?? t('focus.form.cadrePhonePlaceholder')} data-testid="focus-plan-cadre-phone" />
          </Form.Item>
          {storedPhone ? (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox data-testid="focus-plan-clear-phone">{t('focus.form.clearPhone')}</Checkbox>
            </Form.Item>
          ) : null}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="targetYear" label={t('focus.form.targetYear')} required>
            <InputNumber min={2020} max={2100} precision={0} style={{ width: '100%' }} data-testid="focus-plan-target-year" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="targetYuan" label={t('focus.form.target')} extra={t('focus.form.targetHint')} required>
            <Input inputMode="decimal" suffix={t('focus.form.yuan')} data-testid="focus-plan-target" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('focus.form.parts')} style={{ marginBottom: 0 }}>
        <Row gutter={12}>
          {INCOME_PARTS.map((part) => (
            <Col key={part} xs={12} md={6}>
              <Form.Item name={['parts', part]} label={partLabel(part, language)}>
                <Input inputMode="decimal" suffix={t('focus.form.yuan')} placeholder={t('focus.form.partPlaceholder')} data-testid={`focus-plan-part-${part}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Form.Item label={t('focus.form.measures')} required>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="focus-plan-measures">
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ width: '100%' }} wrap>
                  <Form.Item name={[field.name, 'text']} style={{ marginBottom: 0, minWidth: 320 }}>
                    <Input maxLength={200} placeholder={t('focus.form.measurePlaceholder')} data-testid={`focus-plan-measure-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'category']} style={{ marginBottom: 0, width: 180 }}>
                    <Select allowClear options={categories} placeholder={t('focus.form.categoryPlaceholder')} data-testid={`focus-plan-measure-category-${index}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('focus.form.removeMeasure')}
                    data-testid={`focus-plan-measure-remove-${index}`}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', category: null })} data-testid="focus-plan-measure-add">
                {t('focus.form.addMeasure')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="progressNote" label={t('focus.form.progress')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('focus.form.progressPlaceholder')} data-testid="focus-plan-progress" />
      </Form.Item>
    </>
  );
}
