import type { DeclarationStage, DeclarationStatus, DifficultyType } from '@zengshou/core';

export interface PublicRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  hasChildren: boolean;
}

export interface DeclarationReceipt {
  receiptCode: string;
  message: string;
}

export interface DeclarationStageAnswer {
  stage: DeclarationStage;
  stageLabel: string;
  submittedDate: string;
}

export interface DeclarationItem {
  id: string;
  receiptCode: string;
  villageCode: string;
  villageName: string | null;
  name: string;
  idNumber: string;
  phone: string;
  difficulties: DifficultyType[];
  difficultyLabels: string[];
  description: string;
  status: DeclarationStatus;
  statusLabel: string;
  householdId: string | null;
  householdNo: string | null;
  case: { id: string; caseNo: string | null; status: string | null; statusLabel: string | null } | null;
  closedReason: string | null;
  createdAt: string;
  homeCheckDue: { date: string; urgency: 'overdue' | 'due_soon' | 'normal' } | null;
}

export interface DeclarationList {
  total: number;
  items: DeclarationItem[];
}
