/** The manifest: the durable, atomically replaced list of live SSTables that makes flush and compaction crash-safe. */
package io.stratadb.storage.manifest;
