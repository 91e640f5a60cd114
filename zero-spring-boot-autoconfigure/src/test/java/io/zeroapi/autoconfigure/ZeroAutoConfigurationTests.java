package io.zeroapi.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientDefaultsProperties;
import io.zeroapi.autoconfigure.client.ZeroClientsProperties;
import io.zeroapi.autoconfigure.discovery.ZeroDiscoveryProperties;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerProperties;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.testing.FailureAnalyses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link ZeroAutoConfiguration}: the shared codec, its {@code zero.codec.*} settings, its customizers and
 * its back-off, and the check that every key under {@code zero.} is one of Zero's.
 */
@ExtendWith(OutputCaptureExtension.class)
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

    @Test
    void shouldFailStartupOnAnUnknownCodecKeyNamingTheNearestOne() {
        runner.withPropertyValues("zero.codec.property-namming=snake_case").run(context -> {
            assertThat(context).hasFailed();
            assertThat(FailureAnalyses.of(context.getStartupFailure()).getAction())
                .isEqualTo("zero.codec.property-namming: did you mean zero.codec.property-naming?");
        });
    }

    @Test
    void shouldFailStartupOnAKeyOutsideZerosGroups() {
        runner.withPropertyValues("zero.serverr.port=5560").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Zero for Spring has no configuration property "
                    + "zero.serverr.port (origin: \"zero.serverr.port\" from property source \"test\").");
            assertThat(analysis.getAction()).isEqualTo("zero.serverr.port: did you mean zero.server.port?");
        });
        runner.withPropertyValues("zero.colour=blue").run(context -> assertThat(
                FailureAnalyses.of(context.getStartupFailure()).getAction()).isEqualTo(
                        "zero.colour: remove it, or use one of the keys of zero: client.*, clients.*, codec.*, "
                                + "discovery.*, observations.*, server.*."));
    }

    @Test
    void shouldLeaveEnvironmentVariablesAndSystemPropertiesUnchecked() {
        runner.withConfiguration(AutoConfigurations.of(ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class))
            .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("ZERO_HOME", "/opt/zero", "ZERO_SERVER_COLOUR", "blue", "ZERO_CLIENT_COLOUR", "red",
                                    "ZERO_SERVER_PORT", "0"))))
            .withSystemProperties("zero.home=/opt/zero", "zero.codec.colour=green")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ZeroServerProperties.class).port()).isZero();
            });
    }

    @Test
    void shouldReportTheNearestKeyWhenAnApplicationFailsToStart(CapturedOutput output) {
        SpringApplication application = new SpringApplication(ZeroApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> application.run("--zero.clients.users.adress=tcp://127.0.0.1:5559"));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Zero for Spring has no configuration property zero.clients.users.adress")
            .contains("zero.clients.users.adress: did you mean zero.clients.users.address?")
            .doesNotContain("Update your application's configuration");
    }

    @Test
    void shouldDescribeEveryKeyInConfigurationMetadata() throws IOException {
        JsonNode metadata = metadata();
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));
        List<String> keys = new ArrayList<>();
        keys.addAll(keys("zero.server", ZeroServerProperties.class));
        keys.addAll(keys("zero.client", ZeroClientDefaultsProperties.class));
        keys.addAll(keys("zero.codec", ZeroCodecProperties.class));
        keys.addAll(keys("zero.discovery", ZeroDiscoveryProperties.class));
        assertThat(keys).hasSizeGreaterThan(20).allSatisfy(key -> {
            assertThat(properties).containsKey(key);
            assertThat(properties.get(key).path("description").asText()).as(key).isNotBlank();
        });
        JsonNode clients = properties.get("zero.clients");
        assertThat(clients.get("type").asText()).isEqualTo("java.util.Map<java.lang.String,"
                + ZeroClientsProperties.Client.class.getName() + ">");
        assertThat(keys("", ZeroClientsProperties.Client.class)).containsExactly(".address", ".service-id",
                ".timeout", ".max-reply-size", ".max-request-size", ".heartbeat.interval", ".heartbeat.timeout",
                ".health.required", ".load-balancing", ".retry-on-connection-loss", ".protocol", ".tcp.connections")
            .allSatisfy(key -> assertThat(clients.get("description").asText()).contains(key.substring(1)));
        assertThat(properties.keySet()).filteredOn(name -> name.startsWith("zero."))
            .allSatisfy(name -> assertThat(ZeroPropertyGroupsCheck.GROUPS).contains(name.split("\\.")[1]));
        assertThat(properties).containsKeys("management.health.zero.enabled", "management.info.zero.enabled");
    }

    @Test
    void shouldHintEveryPropertyNaming() throws IOException {
        List<String> hinted = new ArrayList<>();
        metadata().get("hints").forEach(hint -> {
            if (hint.get("name").asText().equals("zero.codec.property-naming")) {
                hint.get("values").forEach(value -> {
                    hinted.add(value.get("value").asText());
                    assertThat(value.get("description").asText()).isNotBlank();
                });
            }
        });
        assertThat(hinted).containsExactlyElementsOf(Stream.of(ZeroCodecProperties.PropertyNaming.values())
            .map(naming -> naming.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList());
        runner.withPropertyValues("zero.codec.property-naming=" + hinted.get(0))
            .run(context -> assertThat(context.getBean(ZeroCodecProperties.class).propertyNaming())
                .isEqualTo(ZeroCodecProperties.PropertyNaming.values()[0]));
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = ZeroAutoConfigurationTests.class
            .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The keys a record binds under {@code prefix}, nested records included. */
    private static List<String> keys(String prefix, Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            keys.addAll(component.getType().isRecord() ? keys(key, component.getType()) : List.of(key));
        }
        return keys;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
            ZeroClientAutoConfiguration.class })
    static class ZeroApplication {
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
