package dev.swarm.inference.router;

/**
 * Platt's calibration: fits {@code p = sigmoid(a * margin + b)} to out-of-fold margins by Newton's
 * method, with Platt's smoothed targets so a perfectly separated training set does not drive the
 * slope to infinity.
 */
final class PlattScaling {
  private static final int MAX_ITERATIONS = 100;

  private PlattScaling() {}

  /** Returns {@code {a, b}}. */
  static double[] fit(double[] margins, int[] labels) {
    int positives = 0;
    for (int label : labels) {
      positives += label;
    }
    int negatives = labels.length - positives;
    double high = (positives + 1.0) / (positives + 2.0);
    double low = 1.0 / (negatives + 2.0);
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < margins.length; i++) {
        double p = RouterModel.sigmoid(a * margins[i] + b);
        double t = labels[i] == 1 ? high : low;
        double d = p - t;
        double w = p * (1 - p);
        ga += d * margins[i];
        gb += d;
        haa += w * margins[i] * margins[i];
        hab += w * margins[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (det <= 0) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
        break;
      }
    }
    return new double[] {a, b};
  }
}
