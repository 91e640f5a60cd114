package io.zeroapi.autoconfigure;

import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The bean the Zero server and clients share: the msgpack codec, shaped by {@code zero.codec.*} and
 * {@link ZeroCodecCustomizer} beans. (They do not share a ZeroMQ context: the server
 * and every client connection own one, so a failed JeroMQ I/O thread takes down only its owner, which rebuilds it.)
 * Also fails startup on a key under {@code zero.} that belongs to none of Zero's property groups.
 */
@AutoConfiguration
@ConditionalOnClass({ ZContext.class, ZeroCodec.class })
@EnableConfigurationProperties(ZeroCodecProperties.class)
public final class ZeroAutoConfiguration {

    @Bean
    static ZeroPropertyGroupsCheck zeroPropertyGroupsCheck(Environment environment) {
        return new ZeroPropertyGroupsCheck(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    ZeroCodec zeroCodec(ZeroCodecProperties properties, ObjectProvider<ZeroCodecCustomizer> customizers) {
        return new ZeroCodec(mapper -> {
            if (properties.propertyNaming() != null) {
                mapper.setPropertyNamingStrategy(properties.propertyNaming().strategy());
            }
            customizers.orderedStream().forEach(customizer -> customizer.customize(mapper));
        });
    }
}
