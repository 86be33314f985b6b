/**
 * {@code bin/strata-cli}: argument and line parsing, running a command through a {@link
 * io.stratadb.client.StrataClient}, and text or JSON answers, one line per command in stdin mode.
 */
package io.stratadb.client.cli;
