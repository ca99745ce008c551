package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training side's own checks ({@code training/test_training.py}, tiny sizes, ~30 s): the attention
 * cache equals the full pass, attention is causal, resume is exact, {@code --init-from} carries a model
 * with fewer curve features over unchanged, curve dropout zeroes whole crops. Run here so that CI holds
 * the Python that made the shipped model to them; skipped (failed in CI) without torch.
 */
class TrainingSelfCheckTest {
    @Test
    void trainingPassesItsSelfChecks() throws Exception {
        Python.requireTorch();
        Python.Result r = Python.run(List.of(Python.repoFile("training/test_training.py").toString()), 300);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("ok", r.out().strip().lines().reduce((a, b) -> b).orElse(""), r.out());
    }
}
