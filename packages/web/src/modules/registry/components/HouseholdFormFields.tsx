import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { ASSISTANCE_STATUS, HOUSEHOLD_TYPE, householdCreateSchema } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../regions';
import { schemaRule } from '../../ui';
import { FLAG_FIELDS, FLAG_LABEL_KEYS } from '../flags';
import { useEnumLabel } from '../hooks/useEnumLabel';

const shape = householdCreateSchema.shape;

interface HouseholdFormFieldsProps {
  /** data-testid prefix: household-form (create) or household-edit (edit). */
  prefix: string;
  /** Shown for the village until its branch of the region tree is loaded. */
  villageLabel?: string;
  /** The stored phone, masked, when editing: a blank field keeps it. */
  maskedPhone?: string | null;
}

/** The household's own fields, shared by the create and edit dialogs; messages come from the shared schema. */
export function HouseholdFormFields({ prefix, villageLabel, maskedPhone }: HouseholdFormFieldsProps) {
  const { t } = useI18n();
  const { options } = useEnumLabel();
  const editing = maskedPhone !== undefined;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="householdNo" label={t('household.field.householdNo')} required rules={[schemaRule(shape.householdNo)]}>
            <Input maxLength={30} data-testid={`${prefix}-household-no`} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="villageCode"
            label={t('household.field.village')}
            extra={t('household.form.villageHint')}
            rules={[{ required: true, message: t('household.form.villageRequired') }, schemaRule(shape.villageCode)]}
            validateFirst
          >
            <RegionTreeSelect initialLabel={villageLabel} testId={`${prefix}-village`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('household.field.address')} required rules={[schemaRule(shape.address)]}>
        <Input maxLength={200} data-testid={`${prefix}-address`} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="householdType"
            label={t('household.field.householdType')}
            rules={[{ required: true, message: t('household.form.typeRequired') }]}
          >
            <Select options={options(HOUSEHOLD_TYPE)} data-testid={`${prefix}-type`} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="assistanceStatus"
            label={t('household.field.assistanceStatus')}
            rules={[{ required: true, message: t('household.form.assistanceRequired') }]}
          >
            <Select options={options(ASSISTANCE_STATUS)} data-testid={`${prefix}-assistance`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="phone"
        label={t('household.field.phone')}
        extra={editing ? t('household.form.phoneKeep', { phone: maskedPhone ?? t('household.form.phoneNone') }) : undefined}
        rules={[schemaRule(shape.phone)]}
      >
        <Input maxLength={30} autoComplete="off" data-testid={`${prefix}-phone`} />
      </Form.Item>
      <Form.Item label={t('household.form.flags')} style={{ marginBottom: 0 }}>
        <Row gutter={[16, 0]}>
          <Col xs={24} sm={12}>
            <Form.Item name="relocated" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid={`${prefix}-relocated`}>{t('household.field.relocated')}</Checkbox>
            </Form.Item>
          </Col>
          {FLAG_FIELDS.map((flag) => (
            <Col xs={24} sm={12} key={flag}>
              <Form.Item name={flag} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid={`${prefix}-${flag}`}>{t(FLAG_LABEL_KEYS[flag])}</Checkbox>
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
    </>
  );
}
