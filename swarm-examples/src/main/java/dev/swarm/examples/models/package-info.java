/** Which models the examples run on: real providers from the environment, or offline demo models. */
@NullMarked
package dev.swarm.examples.models;

import org.jspecify.annotations.NullMarked;
