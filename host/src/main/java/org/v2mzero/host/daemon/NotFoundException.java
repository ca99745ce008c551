package org.v2mzero.host.daemon;

import java.io.IOException;

/** A session, take, job or file that the request names does not exist. One line, naming what. */
public final class NotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
