package org.v2mzero.host.score;

import java.nio.file.Path;
import java.util.List;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;

/**
 * What a finished {@code v2m score} job made.
 *
 * @param takeDir  the published take folder
 * @param manifest its manifest
 * @param analysis the video analysis the take was made from
 * @param warnings one-line warnings for the user (e.g. no soundfont found)
 */
public record ScoreResult(
        Path takeDir, TakeManifest manifest, CurveAnalysis analysis, List<String> warnings) {}
