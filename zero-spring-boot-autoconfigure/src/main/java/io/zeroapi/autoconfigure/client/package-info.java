/**
 * Spring Boot auto-configuration of Zero clients ({@code zero.client.*} defaults and
 * {@code zero.clients.<name>.*}).
 */
@NullMarked
package io.zeroapi.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
