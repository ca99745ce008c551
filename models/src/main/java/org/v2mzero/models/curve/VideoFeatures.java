package org.v2mzero.models.curve;

import java.io.IOException;
import java.nio.file.Path;
import org.v2mzero.models.video.VideoInfo;

/**
 * Where a video's per-frame feature vectors come from (DESIGN.md §3.1): the one step of the
 * event-curve recipe that may be swapped. {@link ThumbnailVideoFeatures} are the hand-made default;
 * an image encoder ({@code org.v2mzero.models.encoder.OnnxVideoFeatures}) is the alternative. Whatever
 * the features, the rest of the recipe (novelty, z-score, smoothing, hits, cuts) stays the same.
 *
 * <p>Implementations are immutable and may be shared; each {@link #open} gives a reader for one
 * thread.
 */
public interface VideoFeatures {
    /**
     * Opens a video for reading its frames' features in presentation order.
     *
     * @throws org.v2mzero.protocol.BadInputException naming the file when it cannot be decoded
     */
    Reader open(Path video) throws IOException;

    /** One frame's feature vector at its presentation time. */
    record Frame(double timeSeconds, double[] features) {}

    /** Feature vectors of one video, frame by frame. Not thread-safe; {@link #close} is idempotent. */
    interface Reader extends AutoCloseable {
        /** The stream as the container describes it. */
        VideoInfo info();

        /**
         * The next frame, or {@code null} at the end; every frame of a video has features of the same
         * length.
         *
         * @throws IOException naming the file when decoding (or encoding) fails mid-stream
         */
        Frame next() throws IOException;

        @Override
        void close() throws IOException;
    }
}
