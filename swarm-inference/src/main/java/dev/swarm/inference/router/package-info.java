/**
 * TaskMaster, the learned complexity router: prompt features, a calibrated logistic-regression
 * model in a versioned JSON file, the trainer that produces it with k-fold metrics, and online
 * updates from outcomes.
 */
@NullMarked
package dev.swarm.inference.router;

import org.jspecify.annotations.NullMarked;
