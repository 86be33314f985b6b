package io.stratadb.node.cluster;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** Holds the current {@link ClusterView}; readers never lock, writers swap in a new snapshot. */
public final class ClusterState {

    private volatile ClusterView view;

    public ClusterState(ClusterView initial) {
        this.view = Objects.requireNonNull(initial);
    }

    public ClusterView view() {
        return view;
    }

    public synchronized void update(UnaryOperator<ClusterView> change) {
        view = Objects.requireNonNull(change.apply(view));
    }
}
