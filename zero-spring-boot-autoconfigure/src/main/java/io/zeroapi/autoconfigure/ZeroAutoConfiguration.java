package io.zeroapi.autoconfigure;

import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The bean the Zero server and clients share: the msgpack codec. (They do not share a ZeroMQ context: the server
 * and every client connection own one, so a failed JeroMQ I/O thread takes down only its owner, which rebuilds it.)
 */
@AutoConfiguration
@ConditionalOnClass({ ZContext.class, ZeroCodec.class })
public final class ZeroAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZeroCodec zeroCodec() {
        return new ZeroCodec();
    }
}
