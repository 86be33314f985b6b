/** The in-memory, concurrently written part of a table, flushed to an SSTable when full. */
package io.stratadb.storage.memtable;
