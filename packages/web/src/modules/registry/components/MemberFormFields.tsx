import { Col, Form, Input, Row, Select, type FormRule } from 'antd';
import {
  DISABILITY_GRADE,
  EMPLOYMENT_PLACE,
  EMPLOYMENT_STATUS,
  HEALTH,
  LABOUR_CAPACITY,
  RELATION,
  SCHOOLING,
  SCHOOLING_STATUS,
  memberCreateSchema,
  type RegistryEnum,
} from '@zengshou/core';
import { useI18n, type MessageKey } from '../../i18n';
import { schemaRule } from '../../ui';
import { useEnumLabel } from '../hooks/useEnumLabel';

const shape = memberCreateSchema.shape;

interface MemberFormFieldsProps {
  /** Editing: the stored ID number, masked; a blank field keeps it. */
  maskedIdNumber?: string;
}

type SelectField = 'relation' | 'labourCapacity' | 'health' | 'schooling' | 'schoolingStatus' | 'employmentStatus';

const SELECTS: readonly { name: SelectField; def: RegistryEnum<string>; label: MessageKey; required: MessageKey }[] = [
  { name: 'relation', def: RELATION, label: 'member.field.relation', required: 'member.form.relationRequired' },
  { name: 'labourCapacity', def: LABOUR_CAPACITY, label: 'member.field.labourCapacity', required: 'member.form.selectRequired' },
  { name: 'health', def: HEALTH, label: 'member.field.health', required: 'member.form.selectRequired' },
  { name: 'schooling', def: SCHOOLING, label: 'member.field.schooling', required: 'member.form.selectRequired' },
  { name: 'schoolingStatus', def: SCHOOLING_STATUS, label: 'member.field.schoolingStatus', required: 'member.form.selectRequired' },
  { name: 'employmentStatus', def: EMPLOYMENT_STATUS, label: 'member.field.employmentStatus', required: 'member.form.selectRequired' },
];

/** The member's fields; the disability grade and the place of work appear only when they apply. */
export function MemberFormFields({ maskedIdNumber }: MemberFormFieldsProps) {
  const { t } = useI18n();
  const { options } = useEnumLabel();
  const health = Form.useWatch('health');
  const employmentStatus = Form.useWatch('employmentStatus');
  const editing = maskedIdNumber !== undefined;

  // Editing: blank keeps the stored number; anything typed is checked like a new one (check digit included).
  const idRules: FormRule[] = [schemaRule(shape.idNumber, { skipBlank: editing })];

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item name="name" label={t('member.field.name')} required rules={[schemaRule(shape.name)]}>
            <Input maxLength={50} data-testid="member-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="idNumber"
            label={t('member.field.idNumber')}
            required={!editing}
            rules={idRules}
            extra={editing ? t('member.form.idKeep', { id: maskedIdNumber }) : t('member.form.idHint')}
          >
            <Input maxLength={20} autoComplete="off" data-testid="member-form-id-number" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {SELECTS.map((field) => (
          <Col xs={24} sm={12} key={field.name}>
            <Form.Item name={field.name} label={t(field.label)} rules={[{ required: true, message: t(field.required) }]}>
              <Select options={options(field.def)} data-testid={`member-form-${field.name}`} />
            </Form.Item>
          </Col>
        ))}
        {health === 'disabled' ? (
          <Col xs={24} sm={12}>
            <Form.Item
              name="disabilityGrade"
              label={t('member.field.disabilityGrade')}
              rules={[{ required: true, message: t('member.form.gradeRequired') }]}
            >
              <Select options={options(DISABILITY_GRADE)} data-testid="member-form-disabilityGrade" />
            </Form.Item>
          </Col>
        ) : null}
        {employmentStatus === 'employed' ? (
          <Col xs={24} sm={12}>
            <Form.Item
              name="employmentPlace"
              label={t('member.field.employmentPlace')}
              rules={[{ required: true, message: t('member.form.placeRequired') }]}
            >
              <Select options={options(EMPLOYMENT_PLACE)} data-testid="member-form-employmentPlace" />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="skills" label={t('member.field.skills')} rules={[schemaRule(shape.skills)]}>
        <Input maxLength={200} data-testid="member-form-skills" />
      </Form.Item>
    </>
  );
}
