/**
 * Spring Cloud service discovery and registration for Zero, loaded only with Spring Cloud Commons on the class path:
 * clients with {@code zero.clients.<name>.service-id} follow the instances of their service, and the Zero server is
 * registered with its port in the metadata key {@code zero.port} ({@code zero.discovery.*}).
 */
@NullMarked
package io.zeroapi.autoconfigure.discovery;

import org.jspecify.annotations.NullMarked;
