package io.stratadb.node.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code strata.yaml}: a flat mapping of setting keys to values. The parser is walked token by
 * token rather than bound to a class, so every error can name the key and the line it is on: an unknown
 * key (with the nearest known one), a duplicate key, a value of the wrong type or out of range. A key
 * with no value (or {@code null}) keeps its default. Relative paths are resolved against
 * {@code baseDirectory} (the installation directory when started by {@code bin/strata-node}).
 */
public final class YamlConfigLoader {

    private final Path baseDirectory;

    public YamlConfigLoader(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath();
    }

    public NodeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read the configuration file: " + e).at(file, 0);
        }
        return parse(text, file);
    }

    /** Parses {@code yaml} as if it were the contents of {@code file} (named in error messages). */
    public NodeConfig parse(String yaml, Path file) {
        NodeConfigBuilder builder = NodeConfig.builder();
        Map<String, Integer> lines = new HashMap<>();
        YAMLMapper mapper = new YAMLMapper();
        try (Reader reader = new StringReader(yaml); JsonParser p = mapper.getFactory().createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return build(builder, lines, file);
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ConfigException(null, "expected a mapping of settings (key: value lines), found " + describe(t))
                        .at(file, line(p.currentTokenLocation()));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = line(p.currentTokenLocation());
                p.nextToken();
                JsonNode value = mapper.readTree(p);
                if (lines.putIfAbsent(key, line) != null) {
                    throw new ConfigException(key, "given twice (first on line " + lines.get(key) + ")").at(file, line);
                }
                apply(builder, key, value, file, line);
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(null, "not valid YAML: " + e.getOriginalMessage()).at(file, line(e.getLocation()));
        } catch (IOException e) {
            throw new ConfigException(null, "cannot parse: " + e).at(file, 0);
        }
        return build(builder, lines, file);
    }

    private NodeConfig build(NodeConfigBuilder builder, Map<String, Integer> lines, Path file) {
        try {
            return builder.resolvePathsAgainst(baseDirectory).build();
        } catch (ConfigException e) {
            throw e.at(file, lines.getOrDefault(e.setting(), 0));
        }
    }

    private void apply(NodeConfigBuilder builder, String key, JsonNode value, Path file, int line) {
        Settings.Setting setting = Settings.byKey(key);
        if (setting == null) {
            String near = nearest(key);
            throw new ConfigException(key, "unknown setting" + (near != null ? "; did you mean '" + near + "'?" : ""))
                    .at(file, line);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        try {
            setting.setter().accept(builder, convert(setting, value));
        } catch (ConfigException e) {
            throw e.at(file, line);
        }
    }

    private Object convert(Settings.Setting s, JsonNode v) {
        switch (s.type()) {
            case STRING:
                return scalarText(s, v);
            case PATH:
                return Path.of(scalarText(s, v));
            case INT:
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw wrongType(s, "an integer", v);
                }
                return v.intValue();
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw wrongType(s, "true or false", v);
                }
                return v.booleanValue();
            case ENUM:
                return enumValue(s, v);
            case STRING_LIST:
                return stringList(s, v);
            default:
                throw new IllegalStateException("unhandled type " + s.type());
        }
    }

    private static String scalarText(Settings.Setting s, JsonNode v) {
        if (!v.isValueNode()) {
            throw wrongType(s, "a single value", v);
        }
        return v.asText();
    }

    private static Object enumValue(Settings.Setting s, JsonNode v) {
        List<String> allowed = new ArrayList<>();
        if (v.isTextual()) {
            for (Enum<?> c : s.enumType().getEnumConstants()) {
                if (c.name().equalsIgnoreCase(v.asText().trim())) {
                    return c;
                }
            }
        }
        for (Enum<?> c : s.enumType().getEnumConstants()) {
            allowed.add(Settings.yamlName(c));
        }
        return fail(new ConfigException(s.key(), "expected one of " + String.join(", ", allowed) + ", got "
                + shown(v)));
    }

    /** A YAML list of scalars, or one comma-separated string (as Cassandra writes seeds). */
    private static List<String> stringList(Settings.Setting s, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            for (String part : v.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw wrongType(s, "a list", v);
        }
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.isNull()) {
                throw wrongType(s, "a list of single values", v);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static ConfigException wrongType(Settings.Setting s, String expected, JsonNode v) {
        return new ConfigException(s.key(), "expected " + expected + ", got " + shown(v));
    }

    private static <T> T fail(ConfigException e) {
        throw e;
    }

    private static String shown(JsonNode v) {
        String kind = v.isTextual() ? "text" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
                : v.isArray() ? "a list" : v.isObject() ? "a mapping" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
        String text = v.isValueNode() ? v.asText() : v.toString();
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return kind + " '" + text + "'";
    }

    private static String describe(JsonToken t) {
        return t == JsonToken.START_ARRAY ? "a list" : "a single value";
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** The known key closest to a misspelt one, if it is close enough to be a plausible typo. */
    static String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Settings.Setting s : Settings.all()) {
            int d = distance(key.toLowerCase(Locale.ROOT), s.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = s.key();
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
