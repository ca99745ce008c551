package org.v2mzero.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the Hugging Face {@code tokenizer.json} of all-MiniLM-L6-v2
 * describes it: clean and lower-case the text, strip accents, split on whitespace and punctuation, then
 * split each word greedily into the longest vocabulary pieces ({@code ##} marks a continuation); a word
 * with no split becomes {@code [UNK]}. The result is wrapped in {@code [CLS]} ... {@code [SEP]}.
 *
 * <p>Immutable after construction; any thread.
 */
public final class WordPieceTokenizer {
    /** Longest token sequence returned, special tokens included (the encoder's positions allow 512). */
    public static final int MAX_LENGTH = 256;
    /** Longer words are {@code [UNK]} outright, as in BERT. */
    static final int MAX_WORD_CHARS = 100;
    static final String CLS = "[CLS]";
    static final String SEP = "[SEP]";
    static final String UNK = "[UNK]";
    private static final String CONTINUATION = "##";

    private final Map<String, Integer> vocab;
    private final int cls;
    private final int sep;
    private final int unk;

    /** @param vocab token → id; must hold {@code [CLS]}, {@code [SEP]} and {@code [UNK]} */
    public WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        this.cls = require(CLS);
        this.sep = require(SEP);
        this.unk = require(UNK);
    }

    /** Reads {@code model.vocab} of a Hugging Face {@code tokenizer.json}. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode vocabNode = new ObjectMapper().readTree(json).path("model").path("vocab");
        if (!vocabNode.isObject() || vocabNode.isEmpty()) {
            throw new IOException("tokenizer.json : no model.vocab object (expected: a WordPiece vocabulary)");
        }
        Map<String, Integer> vocab = new HashMap<>();
        vocabNode.fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(vocab);
    }

    /** Token ids of a text: {@code [CLS]}, the pieces (cut at {@link #MAX_LENGTH}), {@code [SEP]}. */
    public int[] encode(String text) {
        List<String> pieces = tokenize(text);
        int n = Math.min(pieces.size(), MAX_LENGTH - 2);
        int[] ids = new int[n + 2];
        ids[0] = cls;
        for (int i = 0; i < n; i++) {
            ids[i + 1] = vocab.getOrDefault(pieces.get(i), unk);
        }
        ids[n + 1] = sep;
        return ids;
    }

    /** The WordPiece tokens of a text, without special tokens. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String word : basicSplit(text == null ? "" : text)) {
            wordPieces(word, out);
        }
        return out;
    }

    /** Id of a vocabulary token, or -1. */
    public int id(String token) {
        return vocab.getOrDefault(token, -1);
    }

    /** Clean, lower-case, strip accents, split on whitespace, punctuation and CJK characters. */
    static List<String> basicSplit(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || Character.getType(c) == Character.NON_SPACING_MARK
                    || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                continue; // control characters are dropped; combining marks are the accents stripped
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, words);
            } else if (isPunctuation(c) || isCjk(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    /** Greedy longest-match-first split of one word, as BERT does. */
    private void wordPieces(String word, List<String> out) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(UNK);
            return;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String match = null;
            while (end > start) {
                String candidate = (start > 0 ? CONTINUATION : "") + word.substring(start, end);
                if (vocab.containsKey(candidate)) {
                    match = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                out.add(UNK);
                return;
            }
            pieces.add(match);
            start = end;
        }
        out.addAll(pieces);
    }

    /** BERT's punctuation: all ASCII non-alphanumeric printables and the Unicode P* categories. */
    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private int require(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocab : no " + token + " (expected: a BERT WordPiece vocabulary)");
        }
        return id;
    }
}
