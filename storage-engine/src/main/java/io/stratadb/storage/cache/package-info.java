/**
 * Size-bounded, Caffeine-backed caches the SSTable readers share: {@link io.stratadb.storage.cache.BlockCache}
 * for verified, decompressed data blocks and {@link io.stratadb.storage.cache.IndexCache} for parsed
 * block indexes. Both weigh entries in bytes, record hit rates and publish them as Dropwizard gauges.
 * They run their maintenance on the calling thread, so there are no background threads and eviction is
 * deterministic in tests.
 */
package io.stratadb.storage.cache;
