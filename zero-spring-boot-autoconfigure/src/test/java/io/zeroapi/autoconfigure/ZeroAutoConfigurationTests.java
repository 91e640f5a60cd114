package io.zeroapi.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.zeroapi.codec.ZeroCodec;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZeroAutoConfiguration}: the shared codec, its {@code zero.codec.*} settings, its customizers and
 * its back-off.
 */
class ZeroAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class));

    /** A record with camel-case components. */
    record Event(String eventName, int startTime) {
    }

    /** A type only a customizer knows how to write. */
    record Money(long cents, String currency) {
    }

    @Test
    void shouldProvideTheCodecWithJavaNamesByDefault() {
        runner.run(context -> {
            ZeroCodec codec = context.getBean(ZeroCodec.class);
            assertThat(codec.decode(codec.encode(new Event("launch", 5)))).isEqualTo(
                    Map.of("eventName", "launch", "startTime", 5));
        });
    }

    @Test
    void shouldNameComponentsInSnakeCaseForPythonPeers() {
        runner.withPropertyValues("zero.codec.property-naming=snake_case").run(context -> {
            ZeroCodec codec = context.getBean(ZeroCodec.class);
            byte[] encoded = codec.encode(new Event("launch", 5));
            assertThat(codec.decode(encoded)).isEqualTo(Map.of("event_name", "launch", "start_time", 5));
            byte[] python = codec.encode(Map.of("event_name", "landing", "start_time", 9));
            Object decoded = codec.decode(python, 0, python.length, Event.class);
            assertThat(decoded).isEqualTo(new Event("landing", 9));
        });
    }

    @Test
    void shouldApplyCustomizersInOrder() {
        runner.withBean("second", ZeroCodecCustomizer.class, () -> new Second())
            .withBean("first", ZeroCodecCustomizer.class, () -> new First())
            .run(context -> {
                ZeroCodec codec = context.getBean(ZeroCodec.class);
                assertThat(codec.decode(codec.encode(List.of(new Money(1250, "EUR"))))).isEqualTo(List.of("12.50 EUR!"));
            });
    }

    @Test
    void shouldBackOffFromAUserCodec() {
        ZeroCodec own = new ZeroCodec();
        runner.withBean(ZeroCodec.class, () -> own).run(context -> assertThat(context).getBean(ZeroCodec.class)
            .isSameAs(own));
    }

    @Order(1)
    static class First implements ZeroCodecCustomizer {

        @Override
        public void customize(com.fasterxml.jackson.databind.ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("money").addSerializer(Money.class, new MoneySerializer("")));
        }
    }

    @Order(2)
    static class Second implements ZeroCodecCustomizer {

        @Override
        public void customize(com.fasterxml.jackson.databind.ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("loud money").addSerializer(Money.class, new MoneySerializer("!")));
        }
    }

    static final class MoneySerializer extends StdSerializer<Money> {

        private final String suffix;

        MoneySerializer(String suffix) {
            super(Money.class);
            this.suffix = suffix;
        }

        @Override
        public void serialize(Money value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(String.format("%d.%02d %s%s", value.cents() / 100, value.cents() % 100,
                    value.currency(), suffix));
        }
    }
}
