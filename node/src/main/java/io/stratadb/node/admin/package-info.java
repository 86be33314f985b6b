/**
 * Admin answers: {@link io.stratadb.node.admin.NodeAdmin} computes status, ring, info, gossip and hint
 * reports from sources it is given ({@link io.stratadb.node.admin.AdminSources}) and runs flush and major
 * compaction; {@link io.stratadb.node.admin.AdminJson} turns a report into the versioned JSON document of
 * ADMIN_RESULT (fields: docs/protocol.md, "Admin"). No sockets here: the request handler is
 * {@code io.stratadb.node.service.AdminHandler}.
 */
package io.stratadb.node.admin;
