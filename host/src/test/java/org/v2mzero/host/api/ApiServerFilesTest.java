package org.v2mzero.host.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.daemon.OpenSession;

/** Take files streamed from disk, whole and by byte range, as an {@code <audio>} element asks for them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerFilesTest {
    private static final int RATE = 48_000;
    private final InMemoryDaemon daemon = new InMemoryDaemon();
    private ApiServer server;
    private HttpProbe http;
    private byte[] wav;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = ApiServer.start(daemon, ApiConfig.loopback(0));
        http = new HttpProbe(server.port());
        String session = daemon.openSession(new OpenSession("/videos/a.mp4", null, null, null)).id();
        Path mix = writeSineWav(dir.resolve("mix.wav"));
        wav = Files.readAllBytes(mix);
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{\"takeId\": \"t1\"}\n");
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        daemon.addTake(session, "t1", Map.of("mix.wav", mix, "manifest.json", manifest, "empty.wav", empty));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One second of a 440 Hz sine, 16-bit stereo at 48 kHz: a real WAV, as a take's mix is. */
    private static Path writeSineWav(Path file) throws Exception {
        byte[] pcm = new byte[RATE * 4];
        for (int i = 0; i < RATE; i++) {
            short s = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / RATE));
            for (int ch = 0; ch < 2; ch++) {
                pcm[i * 4 + ch * 2] = (byte) s;
                pcm[i * 4 + ch * 2 + 1] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, RATE), AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }

    private HttpResponse<byte[]> get(String name, String... headers) throws Exception {
        return http.getBytes("/api/takes/t1/files/" + name, headers);
    }

    @Test
    void theWholeFileIsAWavThatDecodes() throws Exception {
        HttpResponse<byte[]> r = get("mix.wav");
        assertEquals(200, r.statusCode());
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals(String.valueOf(wav.length), r.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(wav, r.body());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(r.body()))) {
            assertEquals(RATE, in.getFrameLength());
            assertEquals(2, in.getFormat().getChannels());
        }
        assertEquals("application/json", get("manifest.json").headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> empty = get("empty.wav");
        assertEquals(200, empty.statusCode());
        assertEquals(0, empty.body().length);
    }

    @Test
    void aRangeIs206WithItsBytes() throws Exception {
        HttpResponse<byte[]> middle = get("mix.wav", "Range", "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 1000-1999/" + wav.length, middle.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("1000", middle.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(wav, 1000, 2000), middle.body());

        HttpResponse<byte[]> open = get("mix.wav", "Range", "bytes=" + (wav.length - 10) + "-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(wav, wav.length - 10, wav.length), open.body());

        HttpResponse<byte[]> suffix = get("mix.wav", "Range", "bytes=-44");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (wav.length - 44) + "-" + (wav.length - 1) + "/" + wav.length,
                suffix.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(wav, wav.length - 44, wav.length), suffix.body());

        HttpResponse<byte[]> pastEnd = get("mix.wav", "Range", "bytes=100-" + (wav.length * 2));
        assertEquals(206, pastEnd.statusCode(), "the end is clipped to the file");
        assertArrayEquals(Arrays.copyOfRange(wav, 100, wav.length), pastEnd.body());

        HttpResponse<byte[]> first = get("mix.wav", "Range", "bytes=0-0");
        assertArrayEquals(new byte[] {'R'}, first.body());
        assertEquals(0, server.badRequests());
    }

    @Test
    void aRangeOutsideTheFileIs416() throws Exception {
        HttpResponse<String> r = http.get("/api/takes/t1/files/mix.wav", "Range", "bytes=" + wav.length + "-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + wav.length, r.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(416, HttpProbe.json(r).get("status").asInt());
        assertEquals(416, http.get("/api/takes/t1/files/mix.wav", "Range", "bytes=-0").statusCode());
        assertEquals(416, http.get("/api/takes/t1/files/empty.wav", "Range", "bytes=0-").statusCode());
        assertEquals(3, server.badRequests());
    }

    @Test
    void rangesThisServerDoesNotDoGetTheWholeFile() throws Exception {
        for (String range : new String[] {"bytes=0-1,5-9", "items=0-9", "bytes=9-0", "bytes=x-y", "bytes=-"}) {
            HttpResponse<byte[]> r = get("mix.wav", "Range", range);
            assertEquals(200, r.statusCode(), range);
            assertArrayEquals(wav, r.body(), range);
        }
    }

    @Test
    void aLargeFileStreamsWhole() throws Exception {
        byte[] data = new byte[24 << 20];
        new Random(7).nextBytes(data);
        Path big = Files.write(dir.resolve("long.wav"), data);
        daemon.addTake(daemon.sessions().get(0).id(), "t2", Map.of("long.wav", big));
        HttpResponse<byte[]> r = http.getBytes("/api/takes/t2/files/long.wav");
        assertEquals(200, r.statusCode());
        assertEquals(data.length, r.body().length);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertArrayEquals(sha.digest(data), sha.digest(r.body()));
        HttpResponse<byte[]> tail = http.getBytes("/api/takes/t2/files/long.wav", "Range", "bytes=-1000000");
        assertArrayEquals(Arrays.copyOfRange(data, data.length - 1_000_000, data.length), tail.body());
        assertEquals(0, server.badRequests());
    }
}
