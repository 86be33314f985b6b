package io.stratadb.node.testing;

import io.stratadb.node.config.NodeConfig;
import io.stratadb.node.config.NodeConfigBuilder;

import java.nio.file.Path;

/** Configurations for nodes in tests: loopback, a free port, small memory settings, a given directory. */
public final class TestNodes {

    private TestNodes() {
    }

    public static NodeConfigBuilder config(Path dataDirectory) {
        return NodeConfig.builder()
                .listenAddress("127.0.0.1")
                .clientPort(0)
                .internodePort(0)
                .dataDirectory(dataDirectory)
                .commitLogSegmentSizeMb(4)
                .memtableFlushThresholdMb(4)
                .blockCacheMb(8)
                .indexCacheMb(4)
                .clientEventLoopThreads(2)
                .concurrentReads(2)
                .shutdownTimeoutMs(5_000);
    }
}
