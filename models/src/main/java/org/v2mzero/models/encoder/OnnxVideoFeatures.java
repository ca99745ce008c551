package org.v2mzero.models.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.models.curve.VideoFeatures;
import org.v2mzero.models.video.Picture;
import org.v2mzero.models.video.VideoDecoder;
import org.v2mzero.models.video.VideoInfo;

/**
 * Video features from an {@link OnnxImageEncoder}: frames decoded at the manifest's size and
 * channels ({@link VideoDecoder#openPictures}), encoded a batch at a time, handed out one by one.
 * Memory stays flat: at most one batch of pictures is held.
 *
 * <p>Immutable; any thread, several videos at once (the encoder is shared, not owned: its owner
 * closes it after the last reader).
 *
 * @param encoder the loaded encoder
 */
public record OnnxVideoFeatures(OnnxImageEncoder encoder) implements VideoFeatures {
    public OnnxVideoFeatures {
        if (encoder == null) {
            throw new IllegalArgumentException("encoder : null (expected: a loaded OnnxImageEncoder)");
        }
    }

    @Override
    public Reader open(Path video) throws IOException {
        ImageEncoderManifest m = encoder.manifest();
        return new BatchReader(VideoDecoder.openPictures(video, m.width(), m.height(), m.channels()), encoder);
    }

    private static final class BatchReader implements Reader {
        private final VideoDecoder decoder;
        private final OnnxImageEncoder encoder;
        private final ArrayDeque<Frame> ready = new ArrayDeque<>();
        private final List<Picture> batch;

        BatchReader(VideoDecoder decoder, OnnxImageEncoder encoder) {
            this.decoder = decoder;
            this.encoder = encoder;
            this.batch = new ArrayList<>(encoder.batchSize());
        }

        @Override
        public VideoInfo info() {
            return decoder.info();
        }

        @Override
        public Frame next() throws IOException {
            if (ready.isEmpty()) {
                fill();
            }
            return ready.poll();
        }

        private void fill() throws IOException {
            batch.clear();
            while (batch.size() < encoder.batchSize()) {
                Picture p = decoder.nextPicture();
                if (p == null) {
                    break;
                }
                batch.add(p);
            }
            if (batch.isEmpty()) {
                return;
            }
            List<float[]> vectors = encoder.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                ready.add(new Frame(batch.get(i).timeSeconds(), toDoubles(vectors.get(i))));
            }
            batch.clear();
        }

        private static double[] toDoubles(float[] v) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            return d;
        }

        @Override
        public void close() throws IOException {
            decoder.close();
        }
    }
}
