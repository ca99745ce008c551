package org.v2mzero.models.compose;

import java.util.Optional;

/**
 * Turns an event curve and a prompt into music (DESIGN.md §4). Deterministic for a seed.
 */
public interface Generator {
    /** Short name recorded in a take's manifest, e.g. {@code symbolic}. */
    String name();

    /** Version recorded in a take's manifest; bumped when the same seed would give other notes. */
    String version();

    Arrangement generate(GenerationRequest request);

    /** Where the generator's network runs ({@code CPU}, {@code CUDA}), for the manifest; empty without one. */
    default Optional<String> executionProvider() {
        return Optional.empty();
    }

    /** Why this generator runs degraded (e.g. prompts matched by keywords), for the user; any thread. */
    default Optional<String> warning() {
        return Optional.empty();
    }
}
