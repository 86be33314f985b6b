/**
 * {@code bin/strata-admin}: asks one node an admin command (status, ring, info, flush, compact, gossipinfo,
 * hints) over the ADMIN request and prints its JSON answer as tables ({@link
 * io.stratadb.client.admin.AdminTextFormatter}) or as is ({@code --json}). Guide: docs/operations.md.
 */
package io.stratadb.client.admin;
