package org.v2mzero.host.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.neural.CurveFeatures;
import org.v2mzero.models.neural.PieceConditioning;
import org.v2mzero.models.render.StemRenderer;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.BadInputException;

/**
 * Writes a corpus's conditioning (training/MODEL.md, "Training data written by Java"): reads
 * {@code tokens.jsonl}, conditions each piece with {@link PieceConditioning}, and writes
 * {@code conditioning/index.json}, {@code curve.f32} and {@code style.f32}, each by temp file and
 * rename, so a run stopped half way leaves the last complete set. Pieces run on {@code threads}
 * workers; the files keep {@code tokens.jsonl}'s order whatever finishes first.
 */
public final class CorpusConditioning {
    public static final String FORMAT = "v2m-cond-3";

    private final ObjectMapper json = new ObjectMapper();
    private final StemRenderer renderer;
    private final MusicCurveAnalyzer analyzer;
    private final Function<String, float[]> embed;
    private final int styleDimensions;

    /** @param embed text to style vector; called from the workers, so it must be thread-safe */
    public CorpusConditioning(StemRenderer renderer, MusicCurveAnalyzer analyzer, Function<String, float[]> embed,
            int styleDimensions) {
        this.renderer = renderer;
        this.analyzer = analyzer;
        this.embed = embed;
        this.styleDimensions = styleDimensions;
    }

    /** One line of {@code tokens.jsonl}. */
    record Piece(String id, int[] tokens) {}

    /**
     * @param sources id prefixes to keep (before '/'), or empty for all
     * @return the number of pieces written
     */
    public int run(Path corpus, Set<String> sources, int threads, PrintWriter progress) throws IOException {
        List<Piece> pieces = read(corpus.resolve("tokens.jsonl"), sources);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<PieceConditioning> done = new ArrayList<>();
        try {
            List<Future<PieceConditioning>> futures = new ArrayList<>();
            for (Piece p : pieces) {
                futures.add(pool.submit(() -> PieceConditioning.of(p.id(), p.tokens(), renderer, analyzer, embed)));
            }
            for (int i = 0; i < pieces.size(); i++) {
                PieceConditioning c = futures.get(i).get();
                done.add(c);
                progress.printf("%d/%d %s: %.0f s, %d tokens: %s%n", i + 1, pieces.size(), pieces.get(i).id(),
                        c.seconds(), pieces.get(i).tokens().length, c.description());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw new IOException(bad.getMessage(), bad);
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        write(corpus.resolve("conditioning"), pieces, done);
        return pieces.size();
    }

    private List<Piece> read(Path tokensFile, Set<String> sources) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(tokensFile)) {
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(tokensFile + ":" + lineNumber + ": not JSON (" + e.getOriginalMessage() + ")");
                }
                if (!node.path("id").isTextual() || !node.path("tokens").isArray()) {
                    throw new IOException(tokensFile + ":" + lineNumber + ": expected {\"id\": text, \"tokens\": [ids]}");
                }
                String id = node.get("id").asText();
                String source = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
                if (sources.isEmpty() || sources.contains(source)) {
                    JsonNode t = node.get("tokens");
                    int[] tokens = new int[t.size()];
                    for (int i = 0; i < tokens.length; i++) {
                        tokens[i] = t.get(i).asInt();
                    }
                    pieces.add(new Piece(id, tokens));
                }
            }
        }
        if (pieces.isEmpty()) {
            throw new IOException(tokensFile + ": no pieces" + (sources.isEmpty() ? "" : " from " + sources));
        }
        return pieces;
    }

    private void write(Path dir, List<Piece> pieces, List<PieceConditioning> done) throws IOException {
        Files.createDirectories(dir);
        ObjectNode index = json.createObjectNode();
        index.put("format", FORMAT);
        ArrayNode offsets = index.putArray("curveOffsets");
        for (double o : CurveFeatures.offsets()) {
            offsets.add(o);
        }
        ArrayNode channels = index.putArray("hitChannels");
        CurveFeatures.hitChannels().forEach(channels::add);
        index.put("gridSlots", CurveFeatures.GRID_SLOTS);
        index.put("curveFeatures", CurveFeatures.SIZE);
        index.put("styleDimensions", styleDimensions);
        ArrayNode list = index.putArray("pieces");
        long offset = 0;
        int rows = 0;
        for (int i = 0; i < pieces.size(); i++) {
            ObjectNode p = list.addObject();
            p.put("id", pieces.get(i).id());
            p.put("offset", offset);
            p.put("count", pieces.get(i).tokens().length);
            p.put("seconds", done.get(i).seconds());
            p.put("description", done.get(i).description());
            offset += pieces.get(i).tokens().length;
            rows += done.get(i).curveRows().length;
        }
        ByteBuffer curve = ByteBuffer.allocate(rows * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer style = ByteBuffer.allocate(pieces.size() * styleDimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (PieceConditioning c : done) {
            curve.asFloatBuffer().put(c.curveRows());
            curve.position(curve.position() + c.curveRows().length * Float.BYTES);
            style.asFloatBuffer().put(c.style());
            style.position(style.position() + c.style().length * Float.BYTES);
        }
        AtomicFiles.write(dir.resolve("curve.f32"), curve.array());
        AtomicFiles.write(dir.resolve("style.f32"), style.array());
        // The index last: it names what the two data files hold.
        AtomicFiles.write(dir.resolve("index.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
    }
}
