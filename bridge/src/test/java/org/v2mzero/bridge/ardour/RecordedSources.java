package org.v2mzero.bridge.ardour;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The audio sources a saved Ardour 7 session lists as captured for a track: file name and where on the
 * timeline the capture started. Ardour 7 writes timeline positions in superclock ticks ({@code a<ticks>},
 * 282 240 000 per second), which this turns into samples, refusing a value that is not a whole sample.
 */
record RecordedSources(List<Source> sources) {
    static final long SUPERCLOCK_PER_SECOND = 282_240_000L;

    /** @param file name in the session's audiofiles folder; @param startFrame capture start, samples */
    record Source(String file, long startFrame) {}

    static RecordedSources of(Path sessionFile, String track, int sampleRate) throws IOException {
        NodeList nodes;
        try {
            nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(sessionFile.toFile())
                    .getElementsByTagName("Source");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(sessionFile + " : " + e.getMessage(), e);
        }
        List<Source> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element source = (Element) nodes.item(i);
            if (track.equals(source.getAttribute("captured-for"))) {
                found.add(new Source(source.getAttribute("name"),
                        samples(source.getAttribute("natural-position"), sampleRate)));
            }
        }
        return new RecordedSources(found);
    }

    /** The one source whose file name ends with {@code suffix} (e.g. {@code %L.wav}). */
    Source one(String suffix) {
        List<Source> matching = sources.stream().filter(s -> s.file().endsWith(suffix)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one source *" + suffix + ", found " + sources);
        }
        return matching.get(0);
    }

    private static long samples(String position, int sampleRate) {
        if (!position.startsWith("a")) {
            throw new AssertionError("natural-position : " + position + " (expected: a<superclock ticks>)");
        }
        long ticks = Long.parseLong(position.substring(1));
        if (ticks * sampleRate % SUPERCLOCK_PER_SECOND != 0) {
            throw new AssertionError("natural-position : " + position + " is not a whole sample at "
                    + SUPERCLOCK_PER_SECOND + " ticks per second (did Ardour change its superclock rate?)");
        }
        return ticks * sampleRate / SUPERCLOCK_PER_SECOND;
    }
}
