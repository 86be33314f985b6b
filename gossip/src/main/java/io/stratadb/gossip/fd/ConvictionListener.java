package io.stratadb.gossip.fd;

import io.stratadb.gossip.state.Endpoint;

/** Told when {@link PhiAccrualFailureDetector#interpret} finds an endpoint's phi above the threshold. */
@FunctionalInterface
public interface ConvictionListener {

    /** Called on every interpretation that convicts, not only the first; handlers must be idempotent. */
    void convict(Endpoint endpoint, double phi);
}
