import type { FormInstance, FormRule } from 'antd';
import { isApiError } from '../api';

export interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** What `schema.safeParse` answers; typed structurally so this file needs no schema library. */
export interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly ValidationIssue[] } };
}

export interface FieldError {
  /** Full field path, e.g. ['idNumber'] or ['items', 'wageOther'], as antd's form.setFields takes it. */
  name: (string | number)[];
  errors: string[];
}

/**
 * An antd rule that runs one field's schema, so the form shows the same Chinese message the server would.
 * With `skipBlank`, an empty field passes (e.g. "leave blank to keep the stored value").
 */
export function schemaRule(schema: SafeParser, options: { skipBlank?: boolean } = {}): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      if (options.skipBlank && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) {
        return Promise.resolve();
      }
      const result = schema.safeParse(value);
      return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message ?? ''));
    },
  };
}

/**
 * Issues placed under the form's fields: `fieldOf` maps a schema path to the field that shows it (null: no one field
 * is to blame, the message goes above the form). Each message appears once per place.
 */
export function placeIssues(
  issues: readonly ValidationIssue[],
  fieldOf: (path: (string | number)[]) => (string | number)[] | null,
): { fieldErrors: FieldError[]; formErrors: string[] } {
  const byField = new Map<string, FieldError>();
  const formErrors: string[] = [];
  for (const issue of issues) {
    const name = fieldOf(issue.path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number'));
    if (!name) {
      if (!formErrors.includes(issue.message)) formErrors.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return { fieldErrors: [...byField.values()], formErrors };
}

/** Issues grouped by field path (for form.setFields); issues without a field are left out. */
export function fieldErrorsFromIssues(issues: readonly ValidationIssue[]): FieldError[] {
  return placeIssues(issues, (path) => (path.length > 0 ? path : null)).fieldErrors;
}

/**
 * A 400 from the server carries `details: [{ path: '/idNumber', message }]`; these go under the matching form
 * fields (e.g. the ID check-digit message under the ID number).
 */
export function fieldErrorsFromServer(error: unknown): FieldError[] {
  if (!isApiError(error) || error.status !== 400 || !Array.isArray(error.details)) return [];
  const issues: ValidationIssue[] = [];
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    issues.push({ path: path.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message });
  }
  return fieldErrorsFromIssues(issues);
}

/** Puts messages under their fields (antd types field paths per form; these come from a schema or the server). */
export function showFieldErrors<T>(form: FormInstance<T>, errors: readonly FieldError[]): void {
  if (errors.length > 0) form.setFields(errors as unknown as Parameters<FormInstance<T>['setFields']>[0]);
}
