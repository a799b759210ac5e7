-- Leads a department list opened directly (DEPARTMENT_LIST_OPENS_LEAD: disaster-hit households go straight into the
-- case workflow), reported with the list like the warnings it pushed.
ALTER TABLE department_lists ADD COLUMN leads_opened integer NOT NULL DEFAULT 0;
