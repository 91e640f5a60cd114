package io.zeroapi.frame;

import java.util.Arrays;

/**
 * Zero's ZeroMQ response frame: the 16-byte request id copied back, then the msgpack body (the handler's
 * value or an error map).
 *
 * @param id the request id
 * @param body the msgpack body
 */
public record ResponseFrame(byte[] id, byte[] body) {

    /**
     * Builds a response frame; {@code id} is copied back as received (a Python server answers a frame shorter
     * than 16 bytes with that shorter "id").
     */
    public static byte[] encode(byte[] id, byte[] body) {
        byte[] frame = new byte[id.length + body.length];
        System.arraycopy(id, 0, frame, 0, id.length);
        System.arraycopy(body, 0, frame, id.length, body.length);
        return frame;
    }

    /**
     * Splits a response frame into id and body.
     * @throws ZeroFrameException if the frame is shorter than 16 bytes
     */
    public static ResponseFrame parse(byte[] frame) {
        if (frame.length < RequestFrame.ID_LENGTH) {
            throw new ZeroFrameException("Response frame of " + frame.length + " bytes is shorter than the "
                    + RequestFrame.ID_LENGTH + "-byte request id");
        }
        return new ResponseFrame(Arrays.copyOf(frame, RequestFrame.ID_LENGTH),
                Arrays.copyOfRange(frame, RequestFrame.ID_LENGTH, frame.length));
    }
}
