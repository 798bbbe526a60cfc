package dev.swarm.inference.router;

/**
 * Out-of-fold quality of a trained router: every example was scored by a model that never saw it.
 *
 * @param folds how many folds the examples were split into
 * @param examples how many labelled examples took part
 * @param auc area under the ROC curve of the calibrated scores, in [0, 1]
 * @param accuracy share of examples whose calibrated score falls on the side of 0.5 matching the label
 * @param calibrationError expected calibration error over ten equal-width bins, in [0, 1]
 */
public record CrossValidation(int folds, int examples, double auc, double accuracy, double calibrationError) {
  /** Validates. */
  public CrossValidation {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
    }
    if (examples < folds) {
      throw new IllegalArgumentException("examples must be >= folds (" + folds + ") but was " + examples);
    }
    unit(auc, "auc");
    unit(accuracy, "accuracy");
    unit(calibrationError, "calibrationError");
  }

  private static void unit(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but was " + value);
    }
  }
}
