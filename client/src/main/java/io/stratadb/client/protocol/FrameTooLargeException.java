package io.stratadb.client.protocol;

/**
 * A frame header (or a compressed body's length prefix) claimed more bytes than the receiver accepts.
 * Raised from the header alone, before anything is buffered or allocated for the body.
 */
public class FrameTooLargeException extends ProtocolException {
    private final long claimedBytes;
    private final int maxBytes;

    public FrameTooLargeException(int streamId, long claimedBytes, int maxBytes, boolean fatal) {
        super(ErrorCode.FRAME_TOO_LARGE, streamId, fatal,
                "frame body of " + claimedBytes + " bytes exceeds the maximum of " + maxBytes);
        this.claimedBytes = claimedBytes;
        this.maxBytes = maxBytes;
    }

    public long claimedBytes() {
        return claimedBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
