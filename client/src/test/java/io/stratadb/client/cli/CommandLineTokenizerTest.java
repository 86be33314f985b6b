package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratadb.client.TestSeeds;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommandLineTokenizerTest {
    private static List<String> words(String line) throws UsageException {
        return CommandLineTokenizer.tokenize(line);
    }

    @Test
    void whitespaceSeparatesWords() throws Exception {
        assertEquals(List.of("put", "k", "v"), words("  put\tk   v "));
        assertEquals(List.of(), words("   "));
    }

    @Test
    void doubleQuotesKeepSpacesAndHonourEscapes() throws Exception {
        assertEquals(List.of("put", "k", "hello world"), words("put k \"hello world\""));
        assertEquals(List.of("a\"b\\c\nd\te"), words("\"a\\\"b\\\\c\\nd\\te\""));
        assertEquals(List.of(""), words("\"\""), "an empty value");
        assertEquals(List.of("ab c"), words("a\"b c\""), "quoted and unquoted parts join");
    }

    @Test
    void singleQuotesAreLiteral() throws Exception {
        assertEquals(List.of("put", "k", "{\"a\": \"b\\n\"}"), words("put k '{\"a\": \"b\\n\"}'"));
    }

    @Test
    void aBackslashOutsideQuotesEscapesTheNextCharacter() throws Exception {
        assertEquals(List.of("a b", "\"x"), words("a\\ b \\\"x"));
    }

    @Test
    void brokenQuotingIsAUsageError() {
        assertThrows(UsageException.class, () -> words("put k \"open"));
        assertThrows(UsageException.class, () -> words("put k 'open"));
        assertThrows(UsageException.class, () -> words("put k v\\"));
    }

    @Test
    void quotedOutputReadsBackAsTheSameWord() throws Exception {
        long seed = TestSeeds.seed("CommandLineTokenizerTest.quotedOutputReadsBackAsTheSameWord");
        Random random = new Random(seed);
        String alphabet = "ab =\"'\\\n\t\r(é€😀";
        for (int i = 0; i < 5000; i++) {
            StringBuilder word = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0,
                        alphabet.length()))));
                word.appendCodePoint(cp);
            }
            String quoted = CommandLineTokenizer.quoteIfNeeded(word.toString());
            assertEquals(List.of(word.toString()), words(quoted), "seed " + seed + ": " + quoted);
            assertEquals(-1, quoted.indexOf('\n'), "seed " + seed + ": one line");
        }
    }

    @Test
    void plainWordsAreNotQuoted() {
        assertEquals("hello", CommandLineTokenizer.quoteIfNeeded("hello"));
        assertEquals("\"\"", CommandLineTokenizer.quoteIfNeeded(""));
        assertEquals("\"(not found)\"", CommandLineTokenizer.quoteIfNeeded("(not found)"));
        assertEquals("\"a=b\"", CommandLineTokenizer.quoteIfNeeded("a=b"));
    }
}
