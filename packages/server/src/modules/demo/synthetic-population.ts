import { INCOME_ITEMS, emptyIncomeItems, makeIdNumber, type IncomeItems } from '@zengshou/core';

/**
 * A synthetic rural population for demos, tests and benchmarks. Deterministic for a seed. Calibrated on seed
 * 004's Weixi figures: 2021 per-capita net income 13,847 yuan = business 3,747 + wages 7,913 + property 524 +
 * transfers 1,663, growing ≈ 10 % a year, with a wide spread so that some households fall below the monitoring
 * line, some lose income from one year to the next, some carry problem flags, and a few records carry the kind of
 * data errors the logic checks exist to catch.
 */
export const WEIXI_2021_PER_CAPITA_FEN = { business: 374_700, wage: 791_300, property: 52_400, transfer: 166_300 } as const;
const YEARLY_GROWTH = 1.1;
/** Share of the year's income reached by the end of each quarter (year-to-date records). */
const QUARTER_SHARE = [0.22, 0.47, 0.72, 1];

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticMember {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  relation: string;
  labourCapacity: string;
  health: string;
  disabilityGrade: number | null;
  schooling: string | null;
  schoolingStatus: string;
  employmentStatus: string;
  employmentPlace: string | null;
  skills: string | null;
}

export interface SyntheticIncome {
  year: number;
  quarter: number;
  items: IncomeItems;
}

export interface SyntheticHousehold {
  householdNo: string;
  villageCode: string;
  address: string;
  householdType: 'poverty_exit' | 'ordinary' | 'exit_no_policy';
  assistanceStatus: 'none' | 'dibao' | 'tekun';
  relocated: boolean;
  phone: string;
  unsafeHousing: boolean;
  unsafeWater: boolean;
  schoolDropout: boolean;
  uninsuredMember: boolean;
  members: SyntheticMember[];
  income: SyntheticIncome[];
}

const SURNAMES = ['和', '余', '李', '王', '杨', '张', '赵', '蜂', '熊', '普', '腊', '罗', '鲁', '谷', '马', '刘', '陈', '施', '木', '阿'];
const GIVEN = ['文', '华', '丽', '军', '春', '秀', '明', '玉', '国', '英', '建', '梅', '海', '兰', '志', '芳', '永', '红', '金', '花', '光', '琼', '成', '珍', '福', '燕'];
const SKILLS = ['电焊', '驾驶', '厨师', '木工', '泥瓦工', '养殖', '种植', '家政', '电工', null, null, null];

export interface PopulationOptions {
  villages: readonly string[];
  households: number;
  seed: number;
  /** Years with four quarters; the current year gets `currentQuarters`. */
  fullYears: readonly number[];
  currentYear: number;
  currentQuarters: number;
}

/** Households spread over the villages with uneven sizes, numbered village by village. Lazy: one at a time. */
export function* syntheticPopulation(o: PopulationOptions): Generator<SyntheticHousehold> {
  const rand = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const weights = o.villages.map(() => 0.5 + rand());
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let remaining = o.households;
  const usedIds = new Set<string>();
  const countyOf = (v: string) => v.slice(0, 6);

  const idFor = (county: string, birth: string, male: boolean): string => {
    for (let attempt = 0; attempt < 500; attempt++) {
      let seq = Math.floor(rand() * 999) + 1;
      if ((seq % 2 === 1) !== male) seq = seq === 999 ? 998 : seq + 1;
      const id = makeIdNumber(county, birth, String(seq).padStart(3, '0'));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
    throw new Error('could not find a free ID number');
  };
  // Birthdays fall in the year before the reference year's age, so no one is born after the data's last quarter.
  const dateOfBirth = (age: number): string => {
    const year = o.currentYear - age - 1;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  };

  for (let vi = 0; vi < o.villages.length && remaining > 0; vi++) {
    const village = o.villages[vi]!;
    const n = vi === o.villages.length - 1 ? remaining : Math.min(remaining, Math.round((o.households * weights[vi]!) / totalWeight));
    remaining -= n;
    for (let k = 1; k <= n; k++) {
      const surname = pick(SURNAMES);
      const person = (age: number, male: boolean, relation: string): SyntheticMember => {
        const birth = dateOfBirth(age);
        const sick = rand();
        const health = sick < 0.02 ? 'serious' : sick < 0.1 ? 'chronic' : sick < 0.14 ? 'disabled' : 'healthy';
        const child = age < 16;
        const elderly = age >= 65;
        // Pupils and students are recorded as without labour (在校生), never as labour force.
        const labourCapacity = child || (age >= 6 && age <= 18) ? 'none' : elderly ? (rand() < 0.5 ? 'weak' : 'lost') : health === 'serious' || health === 'disabled' ? (rand() < 0.6 ? 'weak' : 'lost') : rand() < 0.25 ? 'skilled' : 'normal';
        const inSchool = age >= 6 && age <= 18;
        const works = !child && !elderly && (labourCapacity === 'normal' || labourCapacity === 'skilled');
        const employment = inSchool ? 'student' : works ? pick(['employed', 'employed', 'farming', 'farming', 'self_employed', 'public_welfare_post']) : 'other';
        return {
          idNumber: idFor(countyOf(village), birth, male),
          name: surname + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
          sex: male ? 'male' : 'female',
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
          relation,
          labourCapacity,
          health,
          disabilityGrade: health === 'disabled' ? 1 + Math.floor(rand() * 4) : null,
          schooling: child && age < 6 ? 'preschool' : inSchool ? (age <= 12 ? 'primary' : age <= 15 ? 'junior_secondary' : 'senior_secondary') : pick(['primary', 'junior_secondary', 'junior_secondary', 'senior_secondary', 'illiterate']),
          schoolingStatus: inSchool ? 'in_school' : 'not_applicable',
          employmentStatus: employment,
          employmentPlace: employment === 'employed' ? pick(['in_county', 'in_province', 'in_province', 'out_of_province']) : null,
          skills: works ? pick(SKILLS) : null,
        };
      };
      const headAge = 28 + Math.floor(rand() * 50);
      const headMale = rand() < 0.82;
      const members = [person(headAge, headMale, 'head')];
      const size = Math.max(1, Math.min(8, Math.round(3.7 + normal() * 1.4)));
      if (size >= 2) members.push(person(Math.max(20, headAge + Math.round(normal() * 4)), !headMale, 'spouse'));
      for (let c = members.length; c < size; c++) {
        if (c === size - 1 && headAge < 55 && rand() < 0.4) members.push(person(headAge + 22 + Math.floor(rand() * 10), rand() < 0.45, rand() < 0.5 ? 'father' : 'mother'));
        else {
          const male = rand() < 0.52;
          members.push(person(Math.max(0, Math.min(headAge - 18, Math.floor(rand() * (headAge - 17)))), male, male ? 'son' : 'daughter'));
        }
      }
      const typeRoll = rand();
      const householdType = typeRoll < 0.34 ? 'poverty_exit' : typeRoll < 0.36 ? 'exit_no_policy' : 'ordinary';
      const aRoll = rand();
      const assistanceStatus = aRoll < 0.015 ? 'tekun' : aRoll < 0.095 ? 'dibao' : 'none';
      // A school-age child out of school is planted in a few households (the flag and the member agree).
      const dropout = rand() < 0.004 ? members.find((m) => m.schoolingStatus === 'in_school') : undefined;
      if (dropout) dropout.schoolingStatus = 'dropped_out';
      const household: SyntheticHousehold = {
        // Village code, a hyphen, a serial: readable, and never mistaken for a bank card number by the masking scan.
        householdNo: `${village}-${String(k).padStart(4, '0')}`,
        villageCode: village,
        address: `${pick(['一', '二', '三', '四', '五', '六'])}组${1 + Math.floor(rand() * 60)}号`,
        householdType,
        assistanceStatus,
        relocated: rand() < 0.06,
        phone: `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        unsafeHousing: rand() < 0.01,
        unsafeWater: rand() < 0.012,
        schoolDropout: dropout !== undefined,
        uninsuredMember: rand() < 0.015,
        members,
        income: [],
      };
      household.income = incomeHistory(household, o, rand, normal);
      yield household;
    }
  }
}

function incomeHistory(h: SyntheticHousehold, o: PopulationOptions, rand: () => number, normal: () => number): SyntheticIncome[] {
  const size = h.members.length;
  const workers = h.members.filter((m) => m.employmentStatus === 'employed' || m.employmentStatus === 'self_employed').length;
  const welfarePost = h.members.some((m) => m.employmentStatus === 'public_welfare_post');
  const elderly = h.members.filter((m) => o.currentYear - Number(m.birthDate.slice(0, 4)) >= 60).length;
  // A household's level relative to the county: log-normal, so a tail falls below the monitoring line.
  let level = Math.exp(normal() * 0.36 - 0.065);
  // A household's mix is persistent (who works away, how much land and stock it has); years vary a little around it.
  const wageFactor = 0.7 + rand() * 0.6;
  const businessFactor = 0.5 + rand();
  const propertyFactor = 0.3 + rand() * 1.4;
  const wobble = () => 0.95 + rand() * 0.1;
  const ecoCompensation = rand() < 0.5 ? Math.round(20_000 + rand() * 60_000) : 0;
  const familyPlanning = rand() < 0.08 ? 96_000 : 0;
  const transferFactor = rand() + 0.5;
  const pensionEach = 160_000 + rand() * 60_000;
  const years = [...o.fullYears.map((y) => [y, 4] as const), [o.currentYear, o.currentQuarters] as const];
  const result: SyntheticIncome[] = [];
  for (const [year, quarters] of years) {
    // About one household in eight loses income in a given year (illness, a failed crop, a lost job).
    level *= rand() < 0.12 ? 0.6 + rand() * 0.3 : 0.97 + rand() * 0.1;
    const growth = YEARLY_GROWTH ** (year - 2021) * level * size;
    const wageWeight = 0.5 + workers * 0.45 + (welfarePost ? 0.3 : 0);
    const annual = emptyIncomeItems();
    const wage = WEIXI_2021_PER_CAPITA_FEN.wage * growth * wageWeight * wageFactor * wobble() / 1.02;
    annual.wagePublicWelfare = welfarePost ? Math.round(Math.min(wage * 0.4, 1_000_000)) : 0;
    annual.wageOther = Math.round(wage - annual.wagePublicWelfare);
    const business = WEIXI_2021_PER_CAPITA_FEN.business * growth * businessFactor * wobble() * 1.25;
    annual.businessPlanting = Math.round(business * 0.45);
    annual.businessLivestock = Math.round(business * 0.35);
    annual.businessForestry = Math.round(business * 0.15);
    annual.businessOther = Math.round(business * 0.05);
    annual.costPlanting = Math.round(annual.businessPlanting * 0.25);
    annual.costLivestock = Math.round(annual.businessLivestock * 0.3);
    annual.costForestry = Math.round(annual.businessForestry * 0.1);
    const property = WEIXI_2021_PER_CAPITA_FEN.property * growth * propertyFactor * wobble();
    annual.propertyDividend = Math.round(property * 0.6);
    annual.propertyLandRent = Math.round(property * 0.4);
    annual.transferPension = Math.round(elderly * pensionEach * YEARLY_GROWTH ** (year - 2021));
    annual.transferDibao = h.assistanceStatus === 'dibao' ? Math.round(size * 480_000 * (0.8 + rand() * 0.4)) : 0;
    annual.transferTekun = h.assistanceStatus === 'tekun' ? Math.round(720_000 + rand() * 100_000) : 0;
    annual.transferEcoCompensation = ecoCompensation;
    annual.transferFamilyPlanning = familyPlanning;
    annual.transferOther = Math.round(WEIXI_2021_PER_CAPITA_FEN.transfer * size * 0.5 * transferFactor * wobble() * YEARLY_GROWTH ** (year - 2021));
    annual.medicalOutOfPocket = h.members.some((m) => m.health === 'serious') ? Math.round(500_000 + rand() * 3_000_000) : Math.round(rand() * 200_000);
    plantError(annual, rand);
    for (let q = 1; q <= quarters; q++) {
      const share = QUARTER_SHARE[q - 1]!;
      const items = emptyIncomeItems();
      for (const item of INCOME_ITEMS) items[item.key] = Math.round(annual[item.key] * share);
      result.push({ year, quarter: q, items });
    }
  }
  return result;
}

/** About one record in 150 carries a typical entry error (wages of a few yuan, income without costs, tiny dibao). */
function plantError(annual: IncomeItems, rand: () => number) {
  if (rand() >= 0.007) return;
  const kind = Math.floor(rand() * 3);
  if (kind === 0) annual.wageOther = 15_000;
  else if (kind === 1) annual.costPlanting = annual.costLivestock = annual.costForestry = annual.costOther = 0;
  else annual.transferDibao = 8_000;
}
