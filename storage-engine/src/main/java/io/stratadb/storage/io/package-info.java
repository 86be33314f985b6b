/** The file-system seam: every byte the engine reads or writes passes through {@link io.stratadb.storage.io.FileSystem}. */
package io.stratadb.storage.io;
