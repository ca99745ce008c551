package org.v2mzero.models.curve;

import java.io.IOException;
import java.nio.file.Path;
import org.v2mzero.models.video.GreyFrame;
import org.v2mzero.models.video.VideoDecoder;
import org.v2mzero.models.video.VideoInfo;

/**
 * The default, hand-made video features: {@link FrameFeatures} of grey thumbnails
 * {@code thumbWidth} pixels wide from {@link VideoDecoder}. No weights, microseconds per frame.
 * Immutable; any thread.
 *
 * @param thumbWidth thumbnail width in pixels, at least 2 ({@link VideoDecoder#DEFAULT_THUMB_WIDTH})
 */
public record ThumbnailVideoFeatures(int thumbWidth) implements VideoFeatures {
    public ThumbnailVideoFeatures {
        if (thumbWidth < 2) {
            throw new IllegalArgumentException("thumbWidth : " + thumbWidth + " (expected: >= 2)");
        }
    }

    @Override
    public Reader open(Path video) throws IOException {
        VideoDecoder decoder = VideoDecoder.open(video, thumbWidth);
        return new Reader() {
            @Override
            public VideoInfo info() {
                return decoder.info();
            }

            @Override
            public Frame next() throws IOException {
                GreyFrame frame = decoder.next();
                return frame == null ? null : new Frame(frame.timeSeconds(), FrameFeatures.of(frame));
            }

            @Override
            public void close() throws IOException {
                decoder.close();
            }
        };
    }
}
