package org.v2mzero.models.video;

import org.v2mzero.protocol.BadInputException;

/** The file is readable media but holds no video stream (an audio file, say): callers may try its audio. */
public final class NoVideoStreamException extends BadInputException {
    public NoVideoStreamException(String message) {
        super(message);
    }
}
