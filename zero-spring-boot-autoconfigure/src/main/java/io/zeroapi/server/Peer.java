package io.zeroapi.server;

import java.util.ArrayDeque;

/**
 * One caller connection as the I/O thread sees it: its ROUTER identity, the calls it has outstanding (accepted,
 * reply not yet handed to ZeroMQ) and the replies ZeroMQ could not take yet because the caller is not reading
 * them. Touched by the I/O thread only.
 */
final class Peer {

    final byte[] identity;

    final Peers.Key key;

    /** Calls accepted from this peer whose reply has not been handed to ZeroMQ (or dropped) yet. */
    int outstanding;

    /** Bytes of the requests of this peer's calls until their replies reach the I/O thread. */
    long requestBytes;

    /** Replies waiting for the caller to make room, oldest first. */
    final ArrayDeque<Reply> backlog = new ArrayDeque<>(0);

    long backlogBytes;

    /** Whether this peer is in the loop's list of peers with a backlog. */
    boolean backlogged;

    Peer(byte[] identity, Peers.Key key) {
        this.identity = identity;
        this.key = key;
    }

    boolean isIdle() {
        return outstanding == 0 && backlog.isEmpty();
    }
}
