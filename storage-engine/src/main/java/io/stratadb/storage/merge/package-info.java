/** Sorted cursors over cells and the k-way merge that scans and compaction share. */
package io.stratadb.storage.merge;
