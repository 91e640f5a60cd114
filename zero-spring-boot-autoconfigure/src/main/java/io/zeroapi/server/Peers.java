package io.zeroapi.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The callers that have calls outstanding or replies waiting, by ROUTER identity; a caller with neither is
 * forgotten, so the table holds only peers with work in progress. Touched by the I/O thread only.
 */
final class Peers {

    private final Map<Key, Peer> peers = new HashMap<>();

    /** The peer of {@code identity}, created when it has nothing in progress. */
    Peer get(byte[] identity) {
        Key key = new Key(identity);
        Peer peer = peers.get(key);
        if (peer == null) {
            peer = new Peer(identity, key);
            peers.put(key, peer);
        }
        return peer;
    }

    /** Forgets the peer if nothing of it is in progress any more. */
    void releaseIfIdle(Peer peer) {
        if (peer.isIdle()) {
            peers.remove(peer.key, peer);
        }
    }

    /** A ROUTER identity as a map key. */
    static final class Key {

        private final byte[] bytes;

        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
