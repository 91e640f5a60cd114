/**
 * Internal: JeroMQ plumbing shared by the server and the client, not for applications: private contexts that report the death of their I/O
 * threads, socket options and error checks, the frame-size guard, and the hand-off of work to a socket's owner
 * thread. The only package that touches JeroMQ's internal {@code zmq} package.
 */
@NullMarked
package io.zeroapi.internal.zeromq;

import org.jspecify.annotations.NullMarked;
