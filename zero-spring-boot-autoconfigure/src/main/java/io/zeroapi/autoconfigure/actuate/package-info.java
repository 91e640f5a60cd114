/**
 * Observability of Zero servers and clients, each part used only when its library is on the class path: Micrometer
 * gauges, Spring Boot health contributors, readiness while the server drains, and the {@code zero} actuator endpoint
 * and info contributor.
 */
@NullMarked
package io.zeroapi.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
