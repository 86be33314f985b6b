package io.stratadb.node.messaging;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.stratadb.gossip.state.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of an accepted connection's pipeline: remembers who connected (from the handshake), decodes
 * each payload by its verb and hands the message to the service. Any malformed input closes this one
 * connection with a logged reason; the node and its other connections carry on.
 */
final class InboundMessageHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InboundMessageHandler.class);

    private final AbstractMessagingService service;
    private Endpoint peer;

    InboundMessageHandler(AbstractMessagingService service) {
        this.service = service;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Handshake h) {
            peer = h.source();
            log.debug("Internode connection from {} ({})", peer, ctx.channel().remoteAddress());
            return;
        }
        InboundFrame frame = (InboundFrame) msg;
        try {
            Verb verb = Verb.fromId(frame.verbId());
            if (verb == null) {
                service.receiveUnknownVerb(peer, frame.kind(), frame.requestId(), frame.verbId());
                return;
            }
            Message message = Payloads.decode(verb, frame.payload());
            service.receive(new Envelope(peer, frame.kind(), frame.requestId(), message));
        } finally {
            frame.payload().release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        log.warn("Closing internode connection from {} ({}): {}", peer == null ? "(before handshake)" : peer,
                ctx.channel().remoteAddress(),
                reason.getMessage());
        ctx.close();
    }
}
