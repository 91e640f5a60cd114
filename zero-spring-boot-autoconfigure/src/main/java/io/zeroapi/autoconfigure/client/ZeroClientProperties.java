package io.zeroapi.autoconfigure.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every Zero client ({@code zero.client.*}); each client may override them under
 * {@code zero.clients.<name>.*}.
 *
 * @param timeout Time a call waits for its reply unless its client or the call itself sets another timeout
 * (Zero 1.0's default is 5 seconds).
 */
@ConfigurationProperties("zero.client")
public record ZeroClientProperties(@DefaultValue("5s") Duration timeout) {
}
