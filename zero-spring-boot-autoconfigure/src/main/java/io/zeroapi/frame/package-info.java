/**
 * Zero's wire frames and protocol constants: the ZeroMQ request and response frames, Zero 1.0's TCP frame, the
 * built-in names and the error keys. No I/O.
 */
@NullMarked
package io.zeroapi.frame;

import org.jspecify.annotations.NullMarked;
