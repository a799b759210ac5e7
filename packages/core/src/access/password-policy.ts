/** Password policy, configurable by the system administrator (等保 asks for length and character classes). */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, symbols) must appear. */
  requireClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, requireClasses: 3 };

export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`密码长度至少 ${policy.minLength} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.requireClasses) {
    problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.requireClasses} 类`);
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
