package io.zeroapi.autoconfigure.actuate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroapi.ZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The {@code zero} endpoint, present once exposed, reports functions, the bound server and the clients; the info
 * contributor counts functions and names clients.
 */
class ZeroEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class, ZeroEndpointAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1",
                "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}",
                "zero.clients.self.health.required=true");

    @Test
    void shouldDescribeFunctionsServerAndClientsAsJson() {
        runner.withBean(HoldingFunctions.class)
            .withPropertyValues("management.endpoints.web.exposure.include=zero")
            .run(context -> {
                ZeroServer server = context.getBean(ZeroServer.class);
                assertThat(context.getBean("selfZeroClient", ZeroClient.class).call("echo", "hi")).isEqualTo("hi");
                Map<String, Object> json = json(context.getBean(ZeroEndpoint.class).zero());
                assertThat(json).extractingByKey("server").asInstanceOf(MAP)
                    .containsEntry("state", "RUNNING")
                    .containsEntry("port", server.port())
                    .containsEntry("boundAddress", server.boundAddress())
                    .containsEntry("inFlight", 0)
                    .extractingByKey("functions").asInstanceOf(LIST)
                    .containsExactly(function("echo", "java.lang.String"), function("hold", null));
                assertThat(json).extractingByKey("clients").asInstanceOf(LIST).singleElement().asInstanceOf(MAP)
                    .containsEntry("name", "self")
                    .containsEntry("address", "tcp://127.0.0.1:" + server.port())
                    .containsEntry("status", "CONNECTED")
                    .containsEntry("pending", 0)
                    .containsEntry("required", true)
                    .containsKey("since");
            });
    }

    @Test
    void shouldCountFunctionsAndNameClientsInInfo() {
        runner.withBean(HoldingFunctions.class).run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean(ZeroInfoContributor.class).contribute(builder);
            assertThat(builder.build().getDetails()).containsEntry("zero",
                    Map.of("functions", 2, "clients", List.of("self")));
        });
    }

    @Test
    void shouldNotOfferTheEndpointUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ZeroEndpoint.class)
            .hasSingleBean(ZeroInfoContributor.class));
    }

    @Test
    void shouldNotContributeInfoWhenDisabled() {
        runner.withPropertyValues("management.info.zero.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(ZeroInfoContributor.class));
    }

    @Test
    void shouldStayOutWithoutTheActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=zero")
            .withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ZeroEndpoint.class)
                .doesNotHaveBean(ZeroInfoContributor.class));
    }

    private static Map<String, Object> function(String name, String parameterType) {
        Map<String, Object> function = new HashMap<>();
        function.put("name", name);
        function.put("handler", "holdingFunctions#" + name);
        function.put("parameterType", parameterType);
        function.put("returnType", "java.lang.String");
        function.put("executionPath", "WORKER");
        return function;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object value) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return mapper.readValue(mapper.writeValueAsString(value), Map.class);
    }
}
