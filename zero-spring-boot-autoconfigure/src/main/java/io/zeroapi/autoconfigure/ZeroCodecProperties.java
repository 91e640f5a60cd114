package io.zeroapi.autoconfigure;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Zero codec ({@code zero.codec.*}).
 *
 * @param propertyNaming How record components and fields are named on the wire, e.g. 'snake_case' for Python peers
 * (startTime is then sent and read as start_time); by default the Java names are used.
 */
@ConfigurationProperties(prefix = "zero.codec", ignoreUnknownFields = false)
public record ZeroCodecProperties(PropertyNaming propertyNaming) {

    /** The naming strategies of Jackson 2 that a Zero peer may expect. */
    public enum PropertyNaming {

        /** {@code start_time}, Python's convention. */
        SNAKE_CASE(PropertyNamingStrategies.SNAKE_CASE),

        /** {@code START_TIME}. */
        UPPER_SNAKE_CASE(PropertyNamingStrategies.UPPER_SNAKE_CASE),

        /** {@code startTime}, Java's names (the default). */
        LOWER_CAMEL_CASE(PropertyNamingStrategies.LOWER_CAMEL_CASE),

        /** {@code StartTime}. */
        UPPER_CAMEL_CASE(PropertyNamingStrategies.UPPER_CAMEL_CASE),

        /** {@code start-time}. */
        KEBAB_CASE(PropertyNamingStrategies.KEBAB_CASE),

        /** {@code starttime}. */
        LOWER_CASE(PropertyNamingStrategies.LOWER_CASE),

        /** {@code start.time}. */
        LOWER_DOT_CASE(PropertyNamingStrategies.LOWER_DOT_CASE);

        private final PropertyNamingStrategy strategy;

        PropertyNaming(PropertyNamingStrategy strategy) {
            this.strategy = strategy;
        }

        /** Jackson 2's strategy. */
        public PropertyNamingStrategy strategy() {
            return strategy;
        }
    }
}
