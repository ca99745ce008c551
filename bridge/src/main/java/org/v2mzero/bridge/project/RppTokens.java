package org.v2mzero.bridge.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.protocol.BadInputException;

/**
 * Splits one {@code .RPP} line into tokens. Reaper quotes a token that holds spaces with whichever of
 * {@code "}, {@code '} or {@code `} the text does not contain, and has no escapes.
 */
final class RppTokens {
    private RppTokens() {}

    static List<String> split(String line, Path file, int lineNumber) throws BadInputException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw new BadInputException(file + ":" + lineNumber + ": unterminated " + c + " quote");
                }
                tokens.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                tokens.add(line.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
