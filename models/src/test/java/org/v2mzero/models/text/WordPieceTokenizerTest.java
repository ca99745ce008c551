package org.v2mzero.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream json = WordPieceTokenizerTest.class.getResourceAsStream(MiniLmEncoder.TOKENIZER_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
    }

    @Test
    void helloWorldIsClsWordsPunctuationSep() {
        assertArrayEquals(ids("[CLS]", "hello", ",", "world", "!", "[SEP]"), tokenizer.encode("Hello, world!"));
        // The same ids the published bert-base-uncased vocabulary gives.
        assertArrayEquals(new int[] {101, 7592, 1010, 2088, 999, 102}, tokenizer.encode("Hello, world!"));
    }

    @Test
    void unknownWordsSplitIntoLongestPieces() {
        // Greedy longest match over this vocabulary (it holds ##ffa, so not BERT paper's una ##ff ##able).
        assertEquals(List.of("una", "##ffa", "##ble"), tokenizer.tokenize("unaffable"));
        assertEquals(List.of("synth", "##wave"), tokenizer.tokenize("synthwave"));
    }

    @Test
    void accentsAreStrippedAndCaseFolded() {
        assertEquals(tokenizer.tokenize("cafe resume"), tokenizer.tokenize("Café  RÉSUMÉ"));
        assertEquals(List.of("d", "minor", ",", "92", "bp", "##m"), tokenizer.tokenize("D minor, 92 bpm"));
    }

    @Test
    void unsplittableWordIsUnknownAndLongTextIsCut() {
        assertArrayEquals(ids("[CLS]", "[UNK]", "[SEP]"), tokenizer.encode("\u2603\u2603"));
        int[] long_ = tokenizer.encode("tense ".repeat(1000));
        assertEquals(WordPieceTokenizer.MAX_LENGTH, long_.length);
        assertEquals(tokenizer.id("[SEP]"), long_[long_.length - 1]);
        assertArrayEquals(ids("[CLS]", "[SEP]"), tokenizer.encode(null));
    }

    @Test
    void rejectsAVocabularyWithoutSpecialTokens() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new WordPieceTokenizer(Map.of("a", 0)));
        assertEquals("vocab : no [CLS] (expected: a BERT WordPiece vocabulary)", e.getMessage());
    }

    private static int[] ids(String... tokens) {
        int[] ids = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            ids[i] = tokenizer.id(tokens[i]);
        }
        return ids;
    }
}
