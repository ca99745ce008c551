package org.v2mzero.bridge.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.DawProject;
import org.v2mzero.protocol.VideoPlacement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an Ardour session ({@code .ardour}, formats 2 to 7): the session's {@code sample-rate}, the first
 * {@code Tempo} ({@code beats-per-minute}, or {@code npm} from Ardour 7) and {@code Meter}, and the
 * video timeline {@code <Extra><Videotimeline Filename VideoOffset LocalFile .../>}, whose offset is in
 * samples and whose local file name is relative to the session's {@code video/} folder (daw-notes.md).
 * Unknown elements and attributes are ignored.
 */
public final class ArdourProjectReader {
    private ArdourProjectReader() {}

    public static DawProject read(Path file) throws IOException {
        Element session = parse(file).getDocumentElement();
        if (!session.getTagName().equals("Session")) {
            throw new BadInputException(file + ": not an Ardour session (root element <" + session.getTagName() + ">)");
        }
        int sampleRate = (int) number(session, "sample-rate", 0, file);
        Element tempo = first(session, "Tempo");
        double bpm = tempo == null ? 120 : number(tempo, tempo.hasAttribute("npm") ? "npm" : "beats-per-minute", 120, file);
        Element meter = first(session, "Meter");
        double beats = meter == null ? 4
                : number(meter, meter.hasAttribute("divisions-per-bar") ? "divisions-per-bar" : "beats-per-bar", 4, file);
        List<VideoPlacement> videos = new ArrayList<>();
        Element video = first(session, "Videotimeline");
        if (video != null && !video.getAttribute("Filename").isEmpty()) {
            if (sampleRate <= 0) {
                throw new BadInputException(file + ": has a video timeline but no session sample-rate to place it");
            }
            Path folder = file.toAbsolutePath().getParent();
            String name = video.getAttribute("Filename");
            Path path = "1".equals(video.getAttribute("LocalFile"))
                    ? folder.resolve("video").resolve(name) : folder.resolve(name);
            double offset = number(video, "VideoOffset", 0, file) / sampleRate;
            videos.add(new VideoPlacement(path.normalize(), offset, 0, null));
        }
        return new DawProject(file, "ardour", sampleRate, bpm, (int) Math.round(beats), videos);
    }

    private static Document parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such session file");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A session file is data: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throw on fatal errors, print nothing
            return builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new BadInputException(file + ":" + e.getLineNumber() + ": not valid XML (" + e.getMessage() + ")");
        } catch (SAXException | ParserConfigurationException e) {
            throw new BadInputException(file + ": not valid XML (" + e.getMessage() + ")");
        }
    }

    private static Element first(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static double number(Element element, String attribute, double fallback, Path file)
            throws BadInputException {
        String value = element.getAttribute(attribute);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": <" + element.getTagName() + " " + attribute + "=\"" + value
                    + "\"> is not a number");
        }
    }
}
