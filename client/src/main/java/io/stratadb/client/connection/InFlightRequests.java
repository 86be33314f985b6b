package io.stratadb.client.connection;

import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a connection has taken and not yet seen answered, by stream id, with the allocator of those
 * ids. An <em>orphan</em> is a request that timed out on the client while the server may still answer it:
 * its id stays reserved until that late answer arrives (or the connection closes), so the answer can never
 * be mistaken for the answer to a newer request on a reused id.
 *
 * <p>Not thread-safe: a connection uses it only from its event loop.
 */
public final class InFlightRequests {
    private final StreamIdAllocator ids = new StreamIdAllocator();
    private final IntObjectHashMap<PendingRequest> byStream = new IntObjectHashMap<>();
    private int orphans;

    /** Assigns the request a stream id and records it; returns the id, or {@link StreamIdAllocator#NONE}. */
    public int register(PendingRequest request) {
        if (request.streamId != PendingRequest.NO_STREAM) {
            throw new IllegalStateException(request + " is already registered");
        }
        int id = ids.allocate();
        if (id != StreamIdAllocator.NONE) {
            request.streamId = id;
            byStream.put(id, request);
        }
        return id;
    }

    /** The request on this stream, or {@code null}. */
    public PendingRequest get(int streamId) {
        return byStream.get(streamId);
    }

    /** Forgets the request on this stream and frees the id; returns it, or {@code null} if there was none. */
    public PendingRequest remove(int streamId) {
        PendingRequest request = byStream.remove(streamId);
        if (request != null) {
            ids.release(streamId);
            if (request.orphaned) {
                orphans--;
            }
        }
        return request;
    }

    /**
     * Marks a timed-out request as an orphan if it is still waiting for its answer here; false if it is not
     * here (its answer came first, or it never got an id) or was marked already.
     */
    public boolean markOrphaned(PendingRequest request) {
        if (request.orphaned || request.streamId == PendingRequest.NO_STREAM
                || byStream.get(request.streamId) != request) {
            return false;
        }
        request.orphaned = true;
        orphans++;
        return true;
    }

    /** Removes every request, freeing all ids, e.g. to fail them when the connection closes. */
    public List<PendingRequest> removeAll() {
        List<PendingRequest> all = new ArrayList<>(byStream.values());
        for (PendingRequest request : all) {
            remove(request.streamId);
        }
        return all;
    }

    /** Requests holding a stream id, orphans included. */
    public int size() {
        return byStream.size();
    }

    public int orphans() {
        return orphans;
    }

    /** Requests whose callers are still waiting: {@link #size()} minus {@link #orphans()}. */
    public int live() {
        return byStream.size() - orphans;
    }
}
