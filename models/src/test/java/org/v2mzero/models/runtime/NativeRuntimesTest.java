package org.v2mzero.models.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeRuntimesTest {

    @Test
    void ffmpegNativesLoadAndReportAVersion() {
        NativeRuntimes.Check check = NativeRuntimes.ffmpeg();

        assertTrue(check.ok(), check.line());
        assertTrue(check.line().matches("FFmpeg \\S+ \\(libavformat \\d+\\.\\d+\\.\\d+\\) via JavaCV"), check.line());
    }

    @Test
    void onnxRuntimeLoadsWithTheCpuProvider() {
        NativeRuntimes.Check check = NativeRuntimes.onnxRuntime();

        assertTrue(check.ok(), check.line());
        assertTrue(check.line().contains("CPU"), check.line());
    }
}
