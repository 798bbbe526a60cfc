/** Model calls: requests, results, routing and the response cache SPI. */
@NullMarked
package dev.swarm.api.inference;

import org.jspecify.annotations.NullMarked;
