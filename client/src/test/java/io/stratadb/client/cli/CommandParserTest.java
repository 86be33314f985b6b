package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private static CliCommand parse(String... words) throws UsageException {
        return CommandParser.parse(List.of(words));
    }

    private static String error(String... words) {
        return assertThrows(UsageException.class, () -> parse(words)).getMessage();
    }

    @Test
    void everyCommandParses() throws Exception {
        assertEquals(new CliCommand.Get("k"), parse("get", "k"));
        assertEquals(new CliCommand.Put("k", "v", OptionalInt.empty(), OptionalLong.empty()), parse("put", "k", "v"));
        assertEquals(new CliCommand.Put("k", "v", OptionalInt.of(60), OptionalLong.of(5)),
                parse("put", "--ttl", "60", "k", "v", "--timestamp", "5"));
        assertEquals(new CliCommand.Delete("k", OptionalLong.empty()), parse("delete", "k"));
        assertEquals(new CliCommand.MultiGet(List.of("a", "b")), parse("multi-get", "a", "b"));
        assertEquals(new CliCommand.MultiGet(List.of("a")), parse("mget", "a"));
        assertEquals(new CliCommand.Scan(CommandParser.DEFAULT_SCAN_LIMIT, null), parse("scan"));
        assertEquals(new CliCommand.Scan(5, "AQ"), parse("scan", "--limit", "5", "--page", "AQ"));
        assertEquals(new CliCommand.CreateKeyspace("ks", 3, false), parse("create-keyspace", "ks", "--rf", "3"));
        assertEquals(new CliCommand.CreateKeyspace("ks", 1, true),
                parse("create-keyspace", "--if-not-exists", "ks", "--rf", "1"));
        assertEquals(new CliCommand.DropKeyspace("ks", true), parse("drop-keyspace", "ks", "--if-exists"));
        assertEquals(new CliCommand.ListKeyspaces(), parse("keyspaces"));
        assertEquals(new CliCommand.Topology(), parse("topology"));
        assertEquals(new CliCommand.Help(), parse("help"));
    }

    @Test
    void serialCommandsParse() throws Exception {
        assertEquals(new CliCommand.Get("k", true), parse("get", "k", "--serial"));
        assertEquals(new CliCommand.Get("k", false), parse("get", "k"));
        assertEquals(new CliCommand.SerialPut("k", "v", OptionalInt.empty()), parse("put", "k", "v", "--serial"));
        assertEquals(new CliCommand.SerialPut("k", "v", OptionalInt.of(9)), parse("put", "--serial", "--ttl", "9", "k", "v"));
        assertEquals(new CliCommand.PutIfAbsent("k", "v", OptionalInt.empty()), parse("put-if-absent", "k", "v"));
        assertEquals(new CliCommand.PutIfAbsent("k", "v", OptionalInt.of(3)), parse("put-if-absent", "k", "v", "--ttl", "3"));
        assertEquals(new CliCommand.CompareAndSet("k", "old", "new", OptionalInt.empty()), parse("cas", "k", "old", "new"));
        assertEquals(new CliCommand.CompareAndSet("k", "", "--x", OptionalInt.of(1)),
                parse("cas", "--ttl", "1", "--", "k", "", "--x"));
        assertEquals(new CliCommand.DeleteIf("k", "old"), parse("delete-if", "k", "old"));
    }

    @Test
    void serialCommandMistakesAreExplained() {
        assertTrue(error("cas", "k", "old").contains("KEY EXPECTED NEW"));
        assertTrue(error("put-if-absent", "k").contains("KEY VALUE"));
        assertTrue(error("delete-if", "k").contains("KEY EXPECTED"));
        assertTrue(error("delete-if", "k", "v", "--ttl", "5").contains("unknown option"));
        assertTrue(error("put", "k", "v", "--serial", "--timestamp", "5").contains("ballot"));
        assertTrue(error("get", "k", "--serial", "x").contains("got 2"));
    }

    @Test
    void doubleDashLetsAValueStartWithDashes() throws Exception {
        assertEquals(new CliCommand.Put("k", "--ttl", OptionalInt.empty(), OptionalLong.empty()),
                parse("put", "--", "k", "--ttl"));
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(error("get").contains("KEY"));
        assertTrue(error("get", "a", "b").contains("got 2"));
        assertTrue(error("put", "k").contains("KEY VALUE"));
        assertTrue(error("put", "k", "v", "--ttl").contains("needs a value"));
        assertTrue(error("put", "k", "v", "--ttl", "0").contains("positive"));
        assertTrue(error("put", "k", "v", "--ttl", "x").contains("positive"));
        assertTrue(error("put", "k", "v", "--color", "red").contains("unknown option"));
        assertTrue(error("create-keyspace", "ks").contains("--rf"));
        assertTrue(error("scan", "--limit", "1", "--limit", "2").contains("twice"));
        assertTrue(error("delete", "k", "--timestamp", "soon").contains("microseconds"));
        assertTrue(error("frobnicate").contains("unknown command"));
        assertTrue(error("keyspaces", "extra").contains("no arguments"));
        assertTrue(error("multi-get").contains("at least one"));
        assertThrows(UsageException.class, () -> CommandParser.parse(List.of()));
    }
}
