package org.v2mzero.host.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.v2mzero.bridge.project.ArdourProjectReader;
import org.v2mzero.bridge.project.ReaperProjectReader;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.DawProject;
import org.v2mzero.protocol.VideoPlacement;

/**
 * What {@code v2m score} was given: a video file, or a DAW project ({@code .rpp}, {@code .ardour}) whose
 * video item is scored in its place on the timeline.
 *
 * @param placement the video, the window of it to score and its timeline position
 * @param project   the project file, or {@code null} for a plain video
 */
public record ScoreSource(VideoPlacement placement, Path project) {

    /**
     * @param file a video, or a project file recognised by its extension
     * @param item which video item of a project, 1-based in timeline order
     */
    public static ScoreSource of(Path file, int item) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DawProject project;
        if (name.endsWith(".rpp")) {
            project = ReaperProjectReader.read(file);
        } else if (name.endsWith(".ardour")) {
            project = ArdourProjectReader.read(file);
        } else {
            return new ScoreSource(new VideoPlacement(file, 0, 0, null), null);
        }
        List<VideoPlacement> videos = project.videos();
        if (videos.isEmpty()) {
            throw new BadInputException(file + ": has no video (Reaper: an item with a VIDEO source;"
                    + " Ardour: a video timeline)");
        }
        if (item < 1 || item > videos.size()) {
            throw new BadInputException(file + ": video item " + item + " asked, the project has " + videos.size());
        }
        return new ScoreSource(videos.get(item - 1), file);
    }
}
