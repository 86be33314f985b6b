/**
 * The admin messages: ADMIN carries one operator command (status, ring, info, flush, compact, gossipinfo,
 * hints) and ADMIN_RESULT its answer as a versioned JSON document. Layouts and the JSON fields of each
 * command: docs/protocol.md, "Admin".
 */
package io.stratadb.client.protocol.message.admin;
