/** Budgets (bench/budgets.json) judged against a run's metrics. */
import budgetsFile from './budgets.json';

export interface Budget {
  id: string;
  label: string;
  /** dotted key into the run's metrics */
  metric: string;
  max: number;
  unit: string;
  /** also checked by `npm test` */
  size?: boolean;
}

export const budgets: Budget[] = budgetsFile.budgets;

export type Metrics = Record<string, number | null | undefined>;

export interface Verdict {
  budget: Budget;
  value: number | null;
  /** null: not measured in this run */
  ok: boolean | null;
}

export function judge(metrics: Metrics): Verdict[] {
  return budgets.map((budget) => {
    const v = metrics[budget.metric];
    const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
    return { budget, value, ok: value === null ? null : value <= budget.max };
  });
}
