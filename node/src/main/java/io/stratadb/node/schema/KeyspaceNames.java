package io.stratadb.node.schema;

import io.stratadb.node.errors.RequestException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for keyspace names: 1 to 48 letters, digits or underscores (so the storage table, the name plus
 * a 14-character suffix, stays within the engine's 64), and nothing starting with {@code system}, which
 * is reserved for the node's own tables.
 */
public final class KeyspaceNames {

    public static final int MAX_LENGTH = 48;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{1," + MAX_LENGTH + "}");

    private KeyspaceNames() {
    }

    /** Throws INVALID_REQUEST unless {@code name} may be used for a new keyspace. */
    public static void checkCreatable(String name) {
        if (!VALID.matcher(name).matches()) {
            throw RequestException.invalid("invalid keyspace name '" + printable(name)
                    + "': use 1 to " + MAX_LENGTH + " letters, digits or underscores");
        }
        if (isReserved(name)) {
            throw RequestException.invalid("keyspace name '" + name + "' is reserved: names starting with 'system' "
                    + "belong to the node");
        }
    }

    public static boolean isReserved(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("system");
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
