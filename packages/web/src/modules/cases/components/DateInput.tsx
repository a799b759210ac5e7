import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface DateInputProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  testId?: string;
}

/** A date field whose form value is 'YYYY-MM-DD' text, as the server takes it (no time zone to go wrong). */
export function DateInput({ value, onChange, testId }: DateInputProps) {
  return (
    <DatePicker
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : undefined)}
      format="YYYY-MM-DD"
      allowClear={false}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
