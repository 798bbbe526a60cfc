package dev.swarm.api;

/** A call was refused because it would take a budget past its hard limit. */
public class BudgetExceededException extends SwarmException.Permanent {
  private final String budgetKey;
  private final double limitUsd;
  private final double spentUsd;

  /**
   * @param budgetKey the budget's key (a task or agent id)
   * @param limitUsd its hard limit in US dollars
   * @param spentUsd what had been spent when the call was refused
   */
  public BudgetExceededException(String budgetKey, double limitUsd, double spentUsd) {
    super(String.format(java.util.Locale.ROOT,
        "budget '%s' is exhausted: spent $%.6f of its $%.6f limit; raise the limit or wait for a new budget",
        budgetKey, spentUsd, limitUsd));
    this.budgetKey = budgetKey;
    this.limitUsd = limitUsd;
    this.spentUsd = spentUsd;
  }

  /** The budget's key. */
  public String budgetKey() {
    return budgetKey;
  }

  /** The hard limit in US dollars. */
  public double limitUsd() {
    return limitUsd;
  }

  /** What had been spent when the call was refused, in US dollars. */
  public double spentUsd() {
    return spentUsd;
  }
}
