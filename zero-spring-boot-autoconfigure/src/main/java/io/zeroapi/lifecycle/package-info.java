/**
 * Spring Framework glue that needs no Spring Boot: running a {@link io.zeroapi.server.ZeroServer} with the
 * application context, the events published as it starts and stops, and publishing its port as
 * {@code local.zero.server.port}.
 */
@NullMarked
package io.zeroapi.lifecycle;

import org.jspecify.annotations.NullMarked;
