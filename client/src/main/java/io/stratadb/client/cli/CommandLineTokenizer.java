package io.stratadb.client.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line read from stdin into words, roughly as a shell would, so that values can hold spaces.
 * Whitespace separates words. Inside {@code "..."} whitespace is kept and a backslash escapes: {@code \"},
 * {@code \\}, {@code \n}, {@code \t}, {@code \r}, and any other character stands for itself. Inside {@code
 * '...'} everything is literal. Outside quotes a backslash escapes the next character the same way. Quoted
 * and unquoted parts next to each other form one word, and {@code ""} is an empty word.
 */
final class CommandLineTokenizer {
    private CommandLineTokenizer() {
    }

    static List<String> tokenize(String line) throws UsageException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '"') {
                inWord = true;
                i = readDoubleQuoted(line, i + 1, word);
            } else if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new UsageException("unterminated ' quote");
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                inWord = true;
                i = readEscape(line, i + 1, word);
            } else {
                inWord = true;
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads up to the closing quote; returns the index after it. */
    private static int readDoubleQuoted(String line, int i, StringBuilder word) throws UsageException {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = readEscape(line, i + 1, word);
            } else {
                word.append(c);
                i++;
            }
        }
        throw new UsageException("unterminated \" quote");
    }

    /** Reads the character after a backslash; returns the index after it. */
    private static int readEscape(String line, int i, StringBuilder word) throws UsageException {
        if (i >= line.length()) {
            throw new UsageException("a backslash at the end of the line escapes nothing");
        }
        char c = line.charAt(i);
        word.append(switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        });
        return i + 1;
    }

    /**
     * The word as the tokenizer would read it back: unchanged if it is plain, otherwise double-quoted with
     * escapes. Plain means non-empty, no whitespace, quotes, backslashes, control characters or {@code =},
     * and not starting with {@code (}, so that it cannot be mistaken for the text CLI's own markers.
     */
    static String quoteIfNeeded(String word) {
        boolean plain = !word.isEmpty() && word.charAt(0) != '(';
        for (int i = 0; plain && i < word.length(); i++) {
            char c = word.charAt(i);
            plain = !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '"' && c != '\'' && c != '\\'
                    && c != '=';
        }
        if (plain) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 2).append('"');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
