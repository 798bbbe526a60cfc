package dev.swarm.vector;

import java.util.concurrent.Executor;

/**
 * The validated settings of one index, as {@link VectorIndex.Builder} collected them.
 *
 * @param exactScanLimit up to this many candidates a search scores every one instead of walking
 *     the graph: exact, and faster than a walk that rejects most of what it meets
 */
record IndexSettings(
    int dimension,
    int maxDegree,
    int constructionBeam,
    int searchDepth,
    int pqSubspaces,
    int pqMinSize,
    int exactScanLimit,
    Executor background) {}
