package org.v2mzero.bridge.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chunk of a Reaper project ({@code <NAME args ... >}): its own lines ({@code KEY args}) and the
 * chunks nested in it, in file order.
 *
 * @param tokens     the opening line's tokens, name first (e.g. {@code SOURCE}, {@code VIDEO})
 * @param lines      the chunk's attribute lines, each as tokens, key first
 * @param children   nested chunks
 * @param lineNumber 1-based line of the opening {@code <}, for error messages
 */
public record RppChunk(List<String> tokens, List<List<String>> lines, List<RppChunk> children, int lineNumber) {

    public String name() {
        return tokens.get(0);
    }

    /** The first attribute line with this key, as tokens (key first). */
    public Optional<List<String>> line(String key) {
        return lines.stream().filter(l -> l.get(0).equals(key)).findFirst();
    }

    /** Every chunk with this name at any depth below this one, in file order. */
    public List<RppChunk> descendants(String name) {
        List<RppChunk> found = new ArrayList<>();
        for (RppChunk child : children) {
            if (child.name().equals(name)) {
                found.add(child);
            }
            found.addAll(child.descendants(name));
        }
        return found;
    }
}
