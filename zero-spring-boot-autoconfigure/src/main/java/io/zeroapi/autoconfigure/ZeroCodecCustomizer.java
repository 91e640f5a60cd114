package io.zeroapi.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shapes the Jackson 2 mapper of the Zero codec (the wire format of every server and client), e.g. to register
 * Jackson 2 modules or serializers. Applied in order ({@code @Order}), after Zero's own settings and
 * {@code zero.codec.property-naming}. The mapper writes and reads msgpack: keep Zero's strict typing intact.
 */
@FunctionalInterface
public interface ZeroCodecCustomizer {

    /** Customizes the codec's mapper; called once, before the codec is used. */
    void customize(ObjectMapper mapper);
}
