package io.zeroapi.autoconfigure;

import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The beans the Zero server and clients share: the msgpack codec and the one ZeroMQ context of the
 * application (closed after every socket on it).
 */
@AutoConfiguration
@ConditionalOnClass({ ZContext.class, ZeroCodec.class })
public final class ZeroAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZeroCodec zeroCodec() {
        return new ZeroCodec();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ZContext zeroContext() {
        ZContext context = new ZContext(1);
        context.setLinger(0);
        return context;
    }
}
