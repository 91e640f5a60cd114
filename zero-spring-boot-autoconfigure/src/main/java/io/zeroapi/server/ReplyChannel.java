package io.zeroapi.server;

/**
 * Where replies go to reach the transport's I/O thread, which sends them: the seam between the request handling
 * (which answers from workers, completing futures and the I/O thread itself) and the transport that carries the
 * frames.
 */
interface ReplyChannel {

    /** Any thread: hands a reply to the I/O thread. */
    void add(Reply reply);

    /** Whether the calling thread is the transport's I/O thread. */
    boolean isIoThread();
}
