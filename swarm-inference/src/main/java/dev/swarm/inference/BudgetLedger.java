package dev.swarm.inference;

import dev.swarm.api.BudgetExceededException;
import dev.swarm.api.inference.Budget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What each budget key has spent. A call is refused once its budget is spent; spending is charged
 * after each answered model call, so concurrent calls on one budget may overshoot it by at most
 * the calls already in flight.
 */
final class BudgetLedger {
  private final Map<String, DoubleAdder> spent = new ConcurrentHashMap<>();

  double spent(String key) {
    DoubleAdder adder = spent.get(key);
    return adder == null ? 0 : adder.sum();
  }

  double remaining(Budget budget) {
    return budget.limitUsd() - spent(budget.key());
  }

  /** @throws BudgetExceededException when {@code budget} is already spent */
  void checkOpen(Budget budget) {
    double used = spent(budget.key());
    if (used >= budget.limitUsd()) {
      throw new BudgetExceededException(budget.key(), budget.limitUsd(), used);
    }
  }

  void charge(Budget budget, double usd) {
    spent.computeIfAbsent(budget.key(), k -> new DoubleAdder()).add(usd);
  }

  void forget(String key) {
    spent.remove(key);
  }
}
