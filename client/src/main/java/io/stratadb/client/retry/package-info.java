/**
 * Whether a failed request is sent again to another node: the user-replaceable {@link
 * io.stratadb.client.retry.RetryPolicy} and its default, which retries reads and idempotent writes once
 * after transient failures, and serial writes (compare-and-set) only after errors that guarantee no effect.
 * Plain decisions; the driver's dispatcher acts on them.
 */
package io.stratadb.client.retry;
