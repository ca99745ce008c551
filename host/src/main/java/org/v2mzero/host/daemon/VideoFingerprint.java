package org.v2mzero.host.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.v2mzero.protocol.BadInputException;

/**
 * A video's identity by content: the SHA-256 of its bytes. Hashing a feature film takes seconds, so
 * each file's hash is remembered with the size and modification time it was taken at and only taken
 * again when either changed; a replaced or re-rendered video is therefore noticed, a re-opened one is
 * not re-read. Any thread.
 */
final class VideoFingerprint {
    private record Stamp(long size, long modifiedMillis) {}

    private record Known(Stamp stamp, String sha256) {}

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** The content hash of {@code video} (hex); one clear line when it cannot be read. */
    String of(Path video) throws BadInputException {
        Path key = video.toAbsolutePath().normalize();
        Stamp stamp = stamp(key);
        Known seen = known.get(key);
        if (seen != null && seen.stamp().equals(stamp)) {
            return seen.sha256();
        }
        String hash = hash(key);
        known.put(key, new Known(stamp, hash));
        return hash;
    }

    private static Stamp stamp(Path video) throws BadInputException {
        try {
            BasicFileAttributes a = Files.readAttributes(video, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new BadInputException(video + ": not a file");
            }
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw e instanceof BadInputException b ? b
                    : new BadInputException(video + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String hash(Path video) throws BadInputException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(video)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new BadInputException(video + ": cannot read (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
