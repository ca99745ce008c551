package org.v2mzero.bridge.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.v2mzero.protocol.BadInputException;

/**
 * Parses the text chunk tree of a Reaper {@code .RPP} file. Tolerant by design: every chunk and line
 * is kept, whatever its name, so projects from newer Reaper versions still parse; only the structure
 * itself (balanced {@code <} and {@code >}) is checked.
 */
public final class RppParser {
    private RppParser() {}

    /** @throws BadInputException naming the file and line when the chunk structure is broken */
    public static RppChunk parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such project file");
        }
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        Deque<Builder> open = new ArrayDeque<>();
        RppChunk root = null;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (root != null) {
                throw new BadInputException(file + ":" + number + ": text after the end of the project");
            }
            if (line.startsWith("<")) {
                List<String> tokens = RppTokens.split(line.substring(1), file, number);
                if (tokens.isEmpty()) {
                    throw new BadInputException(file + ":" + number + ": chunk without a name");
                }
                open.push(new Builder(tokens, number));
            } else if (line.equals(">")) {
                if (open.isEmpty()) {
                    throw new BadInputException(file + ":" + number + ": '>' closes no chunk");
                }
                RppChunk done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().children.add(done);
                }
            } else if (open.isEmpty()) {
                throw new BadInputException(file + ":" + number + ": not a Reaper project (expected '<REAPER_PROJECT')");
            } else {
                open.peek().lines.add(RppTokens.split(line, file, number));
            }
        }
        if (!open.isEmpty()) {
            throw new BadInputException(file + ":" + open.peek().lineNumber + ": chunk <" + open.peek().tokens.get(0)
                    + " is never closed");
        }
        if (root == null || !root.name().equals("REAPER_PROJECT")) {
            throw new BadInputException(file + ":1: not a Reaper project (expected '<REAPER_PROJECT')");
        }
        return root;
    }

    private static final class Builder {
        final List<String> tokens;
        final int lineNumber;
        final List<List<String>> lines = new ArrayList<>();
        final List<RppChunk> children = new ArrayList<>();

        Builder(List<String> tokens, int lineNumber) {
            this.tokens = tokens;
            this.lineNumber = lineNumber;
        }

        RppChunk build() {
            return new RppChunk(List.copyOf(tokens), List.copyOf(lines), List.copyOf(children), lineNumber);
        }
    }
}
