package io.zeroapi.internal.netty;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.frame.ZeroFrameException;

/**
 * Cuts the byte stream of Zero's TCP protocol into whole frames, each handed on as one {@code byte[]} (length prefix
 * included). A frame is copied out only once all its bytes have arrived, so a length prefix claiming gigabytes costs
 * nothing until they come; a prefix below 5 or over the limit fails the channel with a {@link ZeroFrameException}
 * (the handler closes the connection).
 */
public final class TcpFrameReader extends ByteToMessageDecoder {

    private final long maxPayload;

    /** @param maxPayload the largest payload accepted, in bytes; -1 for no limit (about 2 GB) */
    public TcpFrameReader(long maxPayload) {
        this.maxPayload = maxPayload < 0 ? Integer.MAX_VALUE - 16 : Math.min(maxPayload, Integer.MAX_VALUE - 16);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= TcpFrame.LENGTH_BYTES) {
            long length = in.getUnsignedInt(in.readerIndex());
            if (length < TcpFrame.MIN_LENGTH) {
                throw new ZeroFrameException("TCP frame length prefix " + length + " is below the minimum of 5");
            }
            if (length - TcpFrame.MIN_LENGTH > maxPayload) {
                throw new ZeroFrameException("TCP frame payload of " + (length - TcpFrame.MIN_LENGTH)
                        + " bytes is over the limit of " + maxPayload + " bytes");
            }
            if (in.readableBytes() < TcpFrame.LENGTH_BYTES + length) {
                return;
            }
            byte[] frame = new byte[(int) (TcpFrame.LENGTH_BYTES + length)];
            in.readBytes(frame);
            out.add(frame);
        }
    }
}
