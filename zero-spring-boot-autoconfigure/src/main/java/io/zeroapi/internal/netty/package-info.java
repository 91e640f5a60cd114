/**
 * Internal: Netty plumbing of Zero's TCP protocol shared by the server and the client, not for applications: event
 * loops on epoll where it loads and on NIO elsewhere, and the reader of length-prefixed frames.
 */
@NullMarked
package io.zeroapi.internal.netty;

import org.jspecify.annotations.NullMarked;
