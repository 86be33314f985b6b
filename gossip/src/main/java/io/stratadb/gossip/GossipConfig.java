package io.stratadb.gossip;

import io.stratadb.gossip.fd.FailureDetectorSettings;
import io.stratadb.gossip.messages.GossipWireFormat;
import io.stratadb.gossip.state.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Every tunable of gossip, with its default, in one place. Immutable; build with {@link #builder}. */
public final class GossipConfig {

    public static final Duration DEFAULT_GOSSIP_INTERVAL = Duration.ofSeconds(1);
    /** How long a LEFT endpoint stays known, so every node hears it left before anyone forgets it. */
    public static final Duration DEFAULT_LEFT_RETENTION = Duration.ofDays(3);
    /**
     * How long an evicted endpoint's last state is kept as a tombstone. Meanwhile gossip about that
     * incarnation is ignored (a new generation is let in), so a peer that was away for days cannot
     * gossip it back; it is cheap, so it is as long as the LEFT retention.
     */
    public static final Duration DEFAULT_QUARANTINE = Duration.ofDays(3);
    /** A generation this far above the known one is taken as corruption, not a restart. */
    public static final Duration DEFAULT_MAX_GENERATION_SKEW = Duration.ofDays(365);

    private final String clusterName;
    private final Endpoint localEndpoint;
    private final Set<Endpoint> seeds;
    private final Duration gossipInterval;
    private final FailureDetectorSettings failureDetector;
    private final Duration leftRetention;
    private final Duration quarantine;
    private final Duration maxGenerationSkew;

    private GossipConfig(Builder b) {
        this.clusterName = b.clusterName;
        this.localEndpoint = b.localEndpoint;
        // Sorted so that peer selection is the same for a given random seed whatever set was passed.
        this.seeds = Collections.unmodifiableSet(new TreeSet<>(b.seeds));
        this.gossipInterval = b.gossipInterval;
        this.failureDetector = b.failureDetector != null ? b.failureDetector
                : FailureDetectorSettings.defaults(b.gossipInterval);
        this.leftRetention = b.leftRetention;
        this.quarantine = b.quarantine;
        this.maxGenerationSkew = b.maxGenerationSkew;
    }

    public static Builder builder(String clusterName, Endpoint localEndpoint) {
        return new Builder(clusterName, localEndpoint);
    }

    /** Nodes only merge state from peers with the same cluster name. */
    public String clusterName() { return clusterName; }
    /** This node's identity in gossip. */
    public Endpoint localEndpoint() { return localEndpoint; }
    /** Contact points a node gossips to when it knows nobody, and now and then to heal partitions. */
    public Set<Endpoint> seeds() { return seeds; }
    /** How often the owner calls {@link Gossiper#tick()}; the failure detector's defaults derive from it. */
    public Duration gossipInterval() { return gossipInterval; }
    public FailureDetectorSettings failureDetector() { return failureDetector; }
    public Duration leftRetention() { return leftRetention; }
    public Duration quarantine() { return quarantine; }
    public Duration maxGenerationSkew() { return maxGenerationSkew; }

    @Override
    public String toString() {
        return "GossipConfig{clusterName=" + clusterName + ", localEndpoint=" + localEndpoint + ", seeds=" + seeds
                + ", gossipInterval=" + gossipInterval + ", failureDetector=" + failureDetector
                + ", leftRetention=" + leftRetention + ", quarantine=" + quarantine
                + ", maxGenerationSkew=" + maxGenerationSkew + "}";
    }

    public static final class Builder {
        private final String clusterName;
        private final Endpoint localEndpoint;
        private Set<Endpoint> seeds = Set.of();
        private Duration gossipInterval = DEFAULT_GOSSIP_INTERVAL;
        private FailureDetectorSettings failureDetector;
        private Duration leftRetention = DEFAULT_LEFT_RETENTION;
        private Duration quarantine = DEFAULT_QUARANTINE;
        private Duration maxGenerationSkew = DEFAULT_MAX_GENERATION_SKEW;

        private Builder(String clusterName, Endpoint localEndpoint) {
            Objects.requireNonNull(clusterName, "clusterName");
            int nameBytes = clusterName.getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes == 0 || nameBytes > GossipWireFormat.MAX_CLUSTER_NAME_BYTES) {
                throw new IllegalArgumentException("cluster name must be 1.."
                        + GossipWireFormat.MAX_CLUSTER_NAME_BYTES + " UTF-8 bytes");
            }
            this.clusterName = clusterName;
            this.localEndpoint = Objects.requireNonNull(localEndpoint, "localEndpoint");
        }

        /** Seeds may include the local endpoint; it is never gossiped to. */
        public Builder seeds(Set<Endpoint> seeds) {
            seeds.forEach(s -> Objects.requireNonNull(s, "seed"));
            this.seeds = new TreeSet<>(seeds);
            return this;
        }

        public Builder gossipInterval(Duration interval) {
            this.gossipInterval = positive(interval, "gossipInterval");
            return this;
        }

        /** Overrides the defaults derived from the gossip interval. */
        public Builder failureDetector(FailureDetectorSettings settings) {
            this.failureDetector = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder leftRetention(Duration retention) {
            this.leftRetention = positive(retention, "leftRetention");
            return this;
        }

        public Builder quarantine(Duration quarantine) {
            this.quarantine = positive(quarantine, "quarantine");
            return this;
        }

        public Builder maxGenerationSkew(Duration skew) {
            this.maxGenerationSkew = positive(skew, "maxGenerationSkew");
            return this;
        }

        public GossipConfig build() {
            return new GossipConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
