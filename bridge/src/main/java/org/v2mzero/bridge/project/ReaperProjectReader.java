package org.v2mzero.bridge.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.DawProject;
import org.v2mzero.protocol.VideoPlacement;

/**
 * Reads a Reaper {@code .RPP}: {@code SAMPLERATE}, {@code TEMPO bpm num den}, and every item whose
 * source is {@code VIDEO} at any depth (a {@code SOURCE SECTION} may wrap it), with the item's
 * {@code POSITION}, {@code SOFFS} (plus a section's {@code STARTPOS}) and {@code LENGTH}.
 * Paths are resolved against the project's folder (daw-notes.md).
 */
public final class ReaperProjectReader {
    private ReaperProjectReader() {}

    public static DawProject read(Path file) throws IOException {
        RppChunk project = RppParser.parse(file);
        int sampleRate = (int) number(project, "SAMPLERATE", 1, 0, file);
        double bpm = number(project, "TEMPO", 1, 120, file);
        int beatsPerBar = (int) number(project, "TEMPO", 2, 4, file);
        Path folder = file.toAbsolutePath().getParent();
        List<VideoPlacement> videos = new ArrayList<>();
        for (RppChunk item : project.descendants("ITEM")) {
            Optional<VideoPlacement> video = video(item, folder, file);
            video.ifPresent(videos::add);
        }
        videos.sort(Comparator.comparingDouble(VideoPlacement::timelineSeconds));
        return new DawProject(file, "reaper", sampleRate, bpm, beatsPerBar, videos);
    }

    private static Optional<VideoPlacement> video(RppChunk item, Path folder, Path file) throws BadInputException {
        for (RppChunk source : item.descendants("SOURCE")) {
            if (source.tokens().size() < 2 || !source.tokens().get(1).equals("VIDEO")) {
                continue;
            }
            List<String> fileLine = source.line("FILE").orElseThrow(() -> new BadInputException(
                    file + ":" + source.lineNumber() + ": video source without a FILE line"));
            if (fileLine.size() < 2 || fileLine.get(1).isEmpty()) {
                throw new BadInputException(file + ":" + source.lineNumber() + ": video source with an empty FILE");
            }
            double sectionStart = item.descendants("SOURCE").stream()
                    .filter(s -> s.tokens().size() > 1 && s.tokens().get(1).equals("SECTION"))
                    .mapToDouble(s -> s.line("STARTPOS").map(l -> parse(l, 1)).orElse(0.0)).sum();
            double position = number(item, "POSITION", 1, 0, file);
            double offset = number(item, "SOFFS", 1, 0, file) + sectionStart;
            double length = number(item, "LENGTH", 1, 0, file);
            return Optional.of(new VideoPlacement(folder.resolve(fileLine.get(1)).normalize(), position, offset,
                    length > 0 ? length : null));
        }
        return Optional.empty();
    }

    private static double number(RppChunk chunk, String key, int index, double fallback, Path file)
            throws BadInputException {
        Optional<List<String>> line = chunk.line(key);
        if (line.isEmpty() || line.get().size() <= index) {
            return fallback;
        }
        try {
            return Double.parseDouble(line.get().get(index));
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": chunk <" + chunk.name() + " at line " + chunk.lineNumber() + ": "
                    + key + " '" + line.get().get(index) + "' is not a number");
        }
    }

    private static double parse(List<String> line, int index) {
        try {
            return line.size() > index ? Double.parseDouble(line.get(index)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
