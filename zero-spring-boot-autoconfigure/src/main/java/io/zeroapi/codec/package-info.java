/**
 * The msgpack codec with Zero's (msgspec's) type rules and error texts, on Jackson 2 and
 * jackson-dataformat-msgpack.
 */
@NullMarked
package io.zeroapi.codec;

import org.jspecify.annotations.NullMarked;
