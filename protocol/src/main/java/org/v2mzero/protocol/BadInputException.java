package org.v2mzero.protocol;

import java.io.IOException;

/**
 * Input a user gave cannot be used: a missing, corrupt or unsupported file, a value out of range.
 * The message is one line for the user, naming the input and the reason; the CLI prints it as is.
 */
public class BadInputException extends IOException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
