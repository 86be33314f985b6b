package io.stratadb.node.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a node's tokens in gossip ({@code TOKENS}): decimal tokens separated by commas. Text,
 * because every gossip value is a string; 16 tokens take about 320 bytes, well under gossip's limit.
 */
public final class TokensText {

    private TokensText() {
    }

    public static String encode(List<Long> tokens) {
        StringBuilder sb = new StringBuilder(tokens.size() * 21);
        for (Long t : tokens) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /** The tokens, or an empty list when the value is absent or malformed (that peer is left out of the ring). */
    public static List<Long> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                out.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return out;
    }
}
