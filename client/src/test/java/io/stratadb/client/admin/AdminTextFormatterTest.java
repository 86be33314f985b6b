package io.stratadb.client.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import io.stratadb.client.protocol.message.admin.AdminCommand;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTextFormatterTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final AdminTextFormatter formatter = new AdminTextFormatter();

    @Test
    void statusIsATableWithUnknownLoadAsQuestionMark() throws Exception {
        String doc = "{\"version\":1,\"command\":\"status\",\"hostId\":\"a\",\"nodes\":["
                + "{\"hostId\":\"a\",\"address\":\"127.0.0.1:9470\",\"datacenter\":\"dc1\",\"rack\":\"r1\","
                + "\"state\":\"UP\",\"loadBytes\":1572864,\"ownershipPercent\":33.333,\"tokens\":16,\"local\":true},"
                + "{\"hostId\":\"b\",\"address\":\"127.0.0.2:9470\",\"datacenter\":\"dc1\",\"rack\":\"r1\","
                + "\"state\":\"DOWN\",\"loadBytes\":null,\"ownershipPercent\":66.667,\"tokens\":16,\"local\":false}]}";
        String text = formatter.format(AdminCommand.STATUS, mapper.readTree(doc));
        String[] lines = text.split("\n");
        assertEquals("HOST ID  ADDRESS         DATACENTER  RACK  STATE  LOAD     OWNS   TOKENS", lines[0]);
        assertEquals("a *      127.0.0.1:9470  dc1         r1    UP     1.5 MiB  33.3%  16", lines[1]);
        assertEquals("b        127.0.0.2:9470  dc1         r1    DOWN   ?        66.7%  16", lines[2]);
        assertTrue(lines[3].startsWith("(*"));
    }

    @Test
    void hintsAndGossipWithoutEntries() throws Exception {
        assertEquals("TARGET HOST ID  ADDRESS  PENDING\nTotal pending: 0", formatter.format(AdminCommand.HINTS,
                mapper.readTree("{\"totalPending\":0,\"targets\":[]}")));
        assertTrue(formatter.format(AdminCommand.GOSSIPINFO, mapper.readTree("{\"endpoints\":[]}"))
                .startsWith("(no gossip state"));
    }

    @Test
    void unitsAndDurations() {
        assertEquals("0 B", AdminTextFormatter.bytes(LongNode.valueOf(0)));
        assertEquals("1023 B", AdminTextFormatter.bytes(LongNode.valueOf(1023)));
        assertEquals("2.0 GiB", AdminTextFormatter.bytes(LongNode.valueOf(2L << 30)));
        assertEquals("?", AdminTextFormatter.bytes(null));
        assertEquals("59s", AdminTextFormatter.duration(59));
        assertEquals("1d 0h 0m 5s", AdminTextFormatter.duration(86405));
    }
}
