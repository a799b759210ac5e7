/** Report periods on the China calendar (UTC+8): a month for the county dispatch, a half month for the township review. */

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface MonthPeriod {
  month: string;
  year: number;
  quarter: number;
  label: string;
  firstDay: string;
  lastDay: string;
  /** Instants bounding the month: [from, to). */
  from: string;
  to: string;
}

export function monthPeriod(month: string): MonthPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  return {
    month, year: y, quarter: Math.ceil(m / 3), label: `${y}年${m}月`,
    firstDay: `${month}-01`, lastDay: `${month}-${pad(lastDayOf(y, m))}`,
    from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00`,
  };
}

export interface HalfMonthPeriod {
  half: 1 | 2;
  label: string;
  firstDay: string;
  lastDay: string;
}

/** The township reviews every half month (乡级半月研判): the 1st–15th, then the 16th to the month's end. */
export function halfMonthPeriod(date: string): HalfMonthPeriod {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = `${y}-${pad(m)}`;
  return d <= 15
    ? { half: 1, label: `${y}年${m}月上半月`, firstDay: `${month}-01`, lastDay: `${month}-15` }
    : { half: 2, label: `${y}年${m}月下半月`, firstDay: `${month}-16`, lastDay: `${month}-${pad(lastDayOf(y, m))}` };
}

/** The level below a region code's length: city → counties, county → townships, township → villages. */
export function childLength(region: string): number {
  switch (region.length) {
    case 2:
      return 4;
    case 4:
      return 6;
    case 6:
      return 9;
    default:
      return 12;
  }
}
