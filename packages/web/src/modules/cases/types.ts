import type {
  CaseConfig,
  CaseEvent,
  CaseEventType,
  CaseMeasure,
  CaseState,
  CaseStatus,
  DisasterSubtype,
  LeadSource,
  MonitoringCategory,
  RiskType,
} from '@zengshou/core';

export type CaseUrgency = 'overdue' | 'due_soon' | 'normal' | 'none';
export type CaseQueue = 'mine' | 'all' | 'overdue';
export type NoticeKind = 'identification' | 'elimination';

/** What the village proposed at the home check; the county confirms or changes it (bulk approval takes it as is). */
export interface CaseProposal {
  category: MonitoringCategory | null;
  riskTypes: RiskType[];
  disasterSubtype: DisasterSubtype | null;
}

export interface CaseDue {
  kind: 'identification' | 'measures' | 'home_check';
  /** 'YYYY-MM-DD' on the China calendar. */
  date: string;
}

/** One row of GET /api/cases (and the head of a case's detail). */
export interface CaseSummary {
  id: string;
  caseNo: string;
  householdId: string;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  status: CaseStatus;
  /** The server's Chinese label of the status (core CASE_STATE_LABELS). */
  statusLabel?: string;
  source: LeadSource;
  disaster: boolean;
  category: MonitoringCategory | null;
  riskTypes: RiskType[];
  proposal: CaseProposal | null;
  notice: { kind: NoticeKind; startDate: string; endDate: string } | null;
  measureCount: number;
  openedAt: string;
  updatedAt: string;
  version: number;
  due: CaseDue | null;
  urgency: CaseUrgency;
}

export interface CaseEventView {
  seq: number;
  type: CaseEventType;
  /** The server's Chinese label of the step (core CASE_EVENT_LABELS). */
  label: string;
  at: string;
  actorName: string;
  /** The event's own fields (without at and actor); read defensively, the shape follows `type`. */
  data: Record<string, unknown>;
}

export interface CaseNextStep {
  type: CaseEventType;
  label: string;
}

export interface CaseDetail extends CaseSummary {
  state: CaseState;
  events: CaseEventView[];
  measures: CaseMeasure[];
  /** Steps this user's roles may take in the current state. */
  nextSteps: CaseNextStep[];
  /** When monitored: why an elimination would be refused now ([] = may be proposed); null otherwise. */
  eliminationProblems: string[] | null;
  config: CaseConfig;
  warning: { id: string; title: string; explanation: string } | null;
  /** The server's date (China calendar) when it answered; step forms default to it. */
  today?: string;
}

export interface CaseCounts {
  byStatus: Partial<Record<CaseStatus, number | string>>;
  overdue: number | string;
  dueSoon: number | string;
}

export interface CaseList {
  total: number;
  counts: CaseCounts;
  items: CaseSummary[];
}

/** The queue page's state, kept in the address bar; the region comes from the layout's current region. */
export interface CaseListState {
  queue: CaseQueue;
  status?: CaseStatus;
  page: number;
  pageSize: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A step as the client sends it: the server stamps `at` and `actor` itself. */
export type CaseStepEvent = DistributiveOmit<CaseEvent, 'at' | 'actor'>;
/** Every step but the opening of a lead, which has its own endpoint. */
export type CaseStepType = Exclude<CaseEventType, 'lead_opened'>;

export interface CaseStepBody {
  expectedVersion: number;
  requestId?: string;
  event: CaseStepEvent;
}

export interface OpenLeadBody {
  householdId: string;
  source: 'warning' | 'cadre';
  warningId?: string;
  disaster?: boolean;
  note?: string;
  requestId?: string;
}

export type BulkStep = 'township_reviewed' | 'county_approved' | 'elimination_township_reviewed' | 'elimination_county_approved';

export interface BulkBody {
  step: BulkStep;
  items: { caseId: string; expectedVersion: number }[];
}

export interface BulkResult {
  applied: string[];
  /** The server names the case too (caseNo null when the case was not found in the user's scope). */
  refused: { caseId: string; reason: string; caseNo?: string | null }[];
}

export interface CaseNoticeItem {
  caseNo: string;
  headName: string | null;
  address: string | null;
  memberCount: number | null;
  categoryLabel: string | null;
  eliminationWayLabel: string | null;
  /** Null only for a case whose notice dates were never recorded (not expected while it is in notice). */
  startDate: string | null;
  endDate: string | null;
}

export interface CaseNoticeSheet {
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  countyName: string | null;
  kind: NoticeKind;
  items: CaseNoticeItem[];
}

export type TimelineKind = 'warning_opened' | 'warning_closed' | 'case_event' | 'income_recorded';

export interface HouseholdTimelineItem {
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  caseId: string | null;
  caseNo?: string | null;
}

export interface HouseholdTimeline {
  items: HouseholdTimelineItem[];
}
