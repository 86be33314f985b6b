package io.stratadb.node.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratadb.client.protocol.message.admin.AdminCommand;

/**
 * The ADMIN_RESULT document: {@code {"version": 1, "command": "...", ...the report's fields}}. The version
 * numbers the fields of every command together; it goes up when a field changes meaning or disappears,
 * not when one is added (readers ignore fields they do not know). Field list: docs/protocol.md, "Admin".
 */
public final class AdminJson {

    /** Version of the documents this node writes. */
    public static final int DOCUMENT_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(AdminCommand command, Object report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", DOCUMENT_VERSION);
        root.put("command", command.wireName());
        root.setAll((ObjectNode) mapper.valueToTree(report));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + command.wireName() + " report as JSON", e);
        }
    }
}
