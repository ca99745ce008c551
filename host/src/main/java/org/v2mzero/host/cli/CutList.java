package org.v2mzero.host.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.protocol.BadInputException;

/**
 * Reads a cut list like {@code ../shared/data/video/*}{@code /*.cuts.txt}: one time in seconds per
 * line; blank lines and everything after a {@code #} are ignored. Stateless; any thread.
 */
final class CutList {
    private CutList() {}

    /**
     * The times, in file order.
     *
     * @throws BadInputException naming the file and line when it is missing or a line is not a time
     */
    static List<Double> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (text.isEmpty()) {
                continue;
            }
            double t = parse(text);
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new BadInputException(file + ":" + (i + 1) + ": " + text + " (expected: seconds >= 0)");
            }
            times.add(t);
        }
        return times;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN; // reported by the caller with the file and line
        }
    }
}
