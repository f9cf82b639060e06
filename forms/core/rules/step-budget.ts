/**
 * A bound on the work one rule (or one check output) may do. JSON Logic loops nest: a 20 KB rules file
 * of nested `map`s over literal lists asks for billions of steps and would freeze pack check, install
 * and every keystroke's validation. Each loop item and each operator handed to json-logic-js costs a
 * step; past the budget the evaluation stops with StepBudgetError, which fails that rule with a message.
 * The shipped rules need a few hundred steps per document.
 */
export const RULE_STEP_BUDGET = 200_000;

export class StepBudgetError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(readonly budget: number) {
    super(`step budget of ${budget} exceeded`);
    this.name = 'StepBudgetError';
    this.zh = `计算超出步数上限（${budget} 步）已停止：规则中的循环嵌套过多，请简化`;
    this.en = `evaluation stopped after its step budget (${budget} steps): the rule nests too many loops; simplify it`;
  }
}

let remaining = Infinity;
let budget = Infinity;

/** Runs `fn` with a fresh budget (nested calls share the outer one's). */
export function withStepBudget<T>(limit: number, fn: () => T): T {
  if (remaining !== Infinity) return fn();
  remaining = budget = limit;
  try {
    return fn();
  } finally {
    remaining = budget = Infinity;
  }
}

/** One step; throws once the budget is spent. */
export function step(): void {
  if (--remaining < 0) throw new StepBudgetError(budget);
}
