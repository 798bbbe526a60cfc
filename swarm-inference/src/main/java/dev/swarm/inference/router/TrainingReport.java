package dev.swarm.inference.router;

import java.util.Objects;

/**
 * What {@link RouterTrainer} produced: the model trained on every example, and the out-of-fold
 * quality measured by k-fold cross-validation before it.
 *
 * @param model the model trained on all examples, calibrated on out-of-fold scores
 * @param crossValidation AUC, accuracy and calibration error measured out of fold
 * @param l2 the L2 strength used, chosen by out-of-fold log loss when tuning is on
 */
public record TrainingReport(RouterModel model, CrossValidation crossValidation, double l2) {
  /** Validates. */
  public TrainingReport {
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(crossValidation, "crossValidation must not be null");
  }
}
