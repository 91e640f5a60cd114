package io.zeroapi.autoconfigure.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.LocalZeroServerPort;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.FailureAnalyses;
import io.zeroapi.testing.RawDealer;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ZeroServerAutoConfiguration}.
 */
class ZeroServerAutoConfigurationTests {

    private static final ZeroCodec CODEC = new ZeroCodec();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class))
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1");

    @Test
    void shouldServeZeroRpcBeanOnFreePort() {
        runner.withBean("greeter", TestFunctions.Greeter.class).run(context -> {
            assertThat(context).hasSingleBean(ZeroServerLifecycle.class).hasSingleBean(ZeroRpcEndpointRegistry.class);
            assertThat(context.getBean(ZeroServerLifecycle.class).isRunning()).isTrue();
            assertThat(call(context, "greet", "ann")).isEqualTo("hello ann");
            assertThat(call(context, "greet_later", "bob")).isEqualTo("later bob");
            assertThat(call(context, "quick", null)).isEqualTo("quick");
        });
    }

    @Test
    void shouldBindPropertiesWithDefaults() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class))
            .run(context -> {
                ZeroServerProperties properties = context.getBean(ZeroServerProperties.class);
                assertThat(properties.enabled()).isTrue();
                assertThat(properties.address()).isEqualTo("*");
                assertThat(properties.port()).isEqualTo(5559);
                assertThat(properties.effectiveWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
                assertThat(properties.maxInFlight()).isEqualTo(10_000);
                assertThat(properties.shutdown().gracePeriod()).isEqualTo(Duration.ofSeconds(30));
                assertThat(properties.inbound().message().maxSize()).isEqualTo(DataSize.ofMegabytes(4));
                assertThat(properties.outbound().message().maxSize()).isEqualTo(DataSize.ofMegabytes(4));
                assertThat(properties.maxInFlightPerPeer()).isEqualTo(1000);
                assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(60));
                assertThat(properties.backlog()).isEqualTo(1024);
                assertThat(properties.peerBufferBudget()).isEqualTo(DataSize.ofMegabytes(64));
                assertThat(properties.heartbeat().interval()).isEqualTo(Duration.ofSeconds(10));
                assertThat(properties.heartbeat().timeout()).isEqualTo(Duration.ofSeconds(30));
                assertThat(properties.stopApplicationOnFailure()).isTrue();
            });
    }

    @Test
    void shouldBindCustomProperties() {
        runner.withPropertyValues("zero.server.workers=3", "zero.server.max-in-flight=5",
                "zero.server.shutdown.grace-period=2s", "zero.server.inbound.message.max-size=-1")
            .run(context -> {
                ZeroServerProperties properties = context.getBean(ZeroServerProperties.class);
                assertThat(properties.effectiveWorkers()).isEqualTo(3);
                assertThat(properties.maxInFlight()).isEqualTo(5);
                assertThat(properties.shutdown().gracePeriod()).isEqualTo(Duration.ofSeconds(2));
                assertThat(properties.inbound().message().maxSize().toBytes()).isEqualTo(-1);
            });
    }

    @Test
    void shouldUseVirtualThreadsOnlyWhenEnabledOnJava21() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            Object executor = context.getBean(ZeroServerAutoConfiguration.EXECUTOR_BEAN_NAME);
            if (Runtime.version().feature() >= 21) {
                assertThat(executor).isInstanceOf(VirtualThreadTaskExecutor.class);
            }
            else {
                assertThat(executor).isInstanceOf(ExecutorService.class);
            }
        });
        runner.run(context -> assertThat(context.getBean(ZeroServerAutoConfiguration.EXECUTOR_BEAN_NAME))
            .isInstanceOf(ExecutorService.class));
    }

    @Test
    void shouldNotStartServerWithoutZeroRpcMethods() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ZeroServerLifecycle.class);
            assertThat(context.getBean(ZeroServerLifecycle.class).getServer()).isNull();
            assertThat(context.getBean(ZeroServerLifecycle.class).isRunning()).isFalse();
        });
    }

    @Test
    void shouldBackOffWhenDisabled() {
        runner.withPropertyValues("zero.server.enabled=false").withBean("greeter", TestFunctions.Greeter.class)
            .run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ZeroServerLifecycle.class)
                .doesNotHaveBean(ZeroRpcEndpointRegistry.class));
    }

    @Test
    void shouldUseUserDefinedExecutorAndRegistry() {
        CountingExecutor executor = new CountingExecutor();
        ZeroRpcEndpointRegistry registry = new ZeroRpcEndpointRegistry();
        runner.withBean("greeter", TestFunctions.Greeter.class)
            .withBean(ZeroServerAutoConfiguration.EXECUTOR_BEAN_NAME, Executor.class, () -> executor)
            .withBean("myRegistry", ZeroRpcEndpointRegistry.class, () -> registry)
            .run(context -> {
                assertThat(context).hasSingleBean(ZeroRpcEndpointRegistry.class);
                assertThat(context.getBean(ZeroRpcEndpointRegistry.class)).isSameAs(registry);
                assertThat(call(context, "greet", "ann")).isEqualTo("hello ann");
                assertThat(executor.count).hasValue(1);
            });
    }

    @Test
    void shouldBackOffWhenUserDefinesLifecycle() {
        runner.withBean("greeter", TestFunctions.Greeter.class)
            .withUserConfiguration(UserLifecycleConfiguration.class)
            .run(context -> assertThat(context).hasSingleBean(ZeroServerLifecycle.class)
                .hasBean("myLifecycle"));
    }

    @Test
    void shouldApplyServerCustomizersInOrder() {
        runner.withBean("greeter", TestFunctions.Greeter.class)
            .withUserConfiguration(CustomizerConfiguration.class)
            .run(context -> {
                ZeroServer server = context.getBean(ZeroServer.class);
                assertThat(server.settings().highWaterMark()).isEqualTo(11);
                assertThat(server.settings().port()).isZero();
                assertThat(call(context, "greet", "ann")).isEqualTo("hello ann");
            });
    }

    @Test
    void shouldBackOffWhenUserDefinesServer() {
        runner.withBean("greeter", TestFunctions.Greeter.class)
            .withUserConfiguration(UserServerConfiguration.class)
            .run(context -> {
                assertThat(context).hasSingleBean(ZeroServer.class).hasBean("myServer");
                assertThat(context.getBean(ZeroServer.class).settings().maxInFlight()).isEqualTo(7);
                assertThat(context.getBean(ZeroServerLifecycle.class).isRunning()).isTrue();
                assertThat(call(context, "greet", "ann")).isEqualTo("hello ann");
            });
    }

    @Test
    void shouldFailOnStaticMethod() {
        assertStartupFailure(TestFunctions.StaticFunction.class, "Cannot serve @ZeroRpc bean 'functions' method "
                + "io.zeroapi.autoconfigure.server.TestFunctions$StaticFunction.ping: it is static; "
                + "make it an instance method");
    }

    @Test
    void shouldFailOnTwoParameters() {
        assertStartupFailure(TestFunctions.TwoParameters.class, "TwoParameters.sum: it has 2 parameters; "
                + "Zero passes one argument: take a single parameter (e.g. a record holding the values) or none");
    }

    @Test
    void shouldFailOnFluxReturnType() {
        assertStartupFailure(TestFunctions.FluxFunction.class, "FluxFunction.many: it returns Flux, a multi-value "
                + "type; Zero replies with one value: return a single value (e.g. a List), CompletableFuture or Mono");
    }

    @Test
    void shouldFailOnStreamReturnType() {
        assertStartupFailure(TestFunctions.StreamFunction.class, "StreamFunction.many: it returns Stream, a "
                + "multi-value type");
    }

    @Test
    void shouldFailOnNameLongerThan80Bytes() {
        assertStartupFailure(TestFunctions.LongName.class, "of 82 UTF-8 bytes; Zero allows at most 80: choose a "
                + "shorter name with @ZeroRpc(\"...\")");
    }

    @Test
    void shouldFailOnReservedName() {
        assertStartupFailure(TestFunctions.ReservedName.class, "ReservedName.contract: it uses Zero's reserved name "
                + "'get_rpc_contract'; choose another name with @ZeroRpc(\"...\")");
    }

    @Test
    void shouldFailOnDuplicateNameNamingBothMethods() {
        runner.withBean("greeter", TestFunctions.Greeter.class)
            .withBean("duplicate", TestFunctions.DuplicateGreeter.class)
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("cannot map bean 'duplicate' method "
                            + "io.zeroapi.autoconfigure.server.TestFunctions$DuplicateGreeter.welcome to 'greet': "
                            + "it is already mapped to bean 'greeter' method "
                            + "io.zeroapi.autoconfigure.server.TestFunctions$Greeter.greet");
            });
    }

    @Test
    void shouldServePlainAndFutureMethodsWithoutReactor() {
        for (FilteredClassLoader loader : List.of(new FilteredClassLoader(Mono.class),
                new FilteredClassLoader("reactor.core"))) {
            runner.withClassLoader(loader).withBean("greeter", TestFunctions.Greeter.class).run(context -> {
                assertThat(call(context, "greet", "ann")).isEqualTo("hello ann");
                assertThat(call(context, "greet_later", "bob")).isEqualTo("later bob");
            });
        }
    }

    @Test
    void shouldPublishLocalPortWhenPortIsZero() {
        runner.withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
            .withBean("greeter", TestFunctions.Greeter.class)
            .withBean("portHolder", PortHolder.class, PortHolder::new, definition -> definition.setLazyInit(true))
            .run(context -> {
                int port = context.getBean(ZeroServerLifecycle.class).getServer().port();
                assertThat(port).isPositive();
                assertThat(context.getEnvironment().getProperty("local.zero.server.port", Integer.class))
                    .isEqualTo(port);
                assertThat(context.getBean(PortHolder.class).port).isEqualTo(port);
            });
    }

    @Test
    void shouldFailWithAnalyzedPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            runner.withPropertyValues("zero.server.port=" + taken.getLocalPort())
                .withBean("greeter", TestFunctions.Greeter.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ZeroServerPortInUseFailureAnalyzer()
                        .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                        .isEqualTo("Zero server port " + taken.getLocalPort() + " is already in use.");
                    assertThat(analysis.getAction())
                        .isEqualTo("Set zero.server.port=0 or another free port, or stop the process using it.");
                });
        }
    }

    @Test
    void shouldFailWithTheRealReasonWhenTheAddressIsNotOneOfThisMachine() {
        runner.withPropertyValues("zero.server.address=192.0.2.1")
            .withBean("greeter", TestFunctions.Greeter.class)
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(new ZeroServerPortInUseFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
                FailureAnalysis analysis = new ZeroServerBindFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).startsWith("Zero server cannot bind tcp://192.0.2.1:0: ")
                    .containsIgnoringCase("assign requested address");
                assertThat(analysis.getAction()).startsWith("Set zero.server.address to an address of this machine");
            });
    }

    @Test
    void shouldFailWithTheRealReasonWhenTheAddressDoesNotResolve() {
        runner.withPropertyValues("zero.server.address=no-such-host.invalid")
            .withBean("greeter", TestFunctions.Greeter.class)
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new ZeroServerBindFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("no-such-host.invalid");
            });
    }

    @Test
    void shouldFailStartupOnAnUnknownKeyNamingTheNearestOne() {
        runner.withPropertyValues("zero.server.prot=5560").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Zero for Spring has no configuration property "
                    + "zero.server.prot (origin: \"zero.server.prot\" from property source \"test\").");
            assertThat(analysis.getAction()).isEqualTo("zero.server.prot: did you mean zero.server.port?");
        });
    }

    @Test
    void shouldFailStartupOnEveryUnknownKeyAndListTheGroupsKeysWhenNoneIsNear() {
        runner.withPropertyValues("zero.server.heartbeat.intervall=1s", "zero.server.maxInFlihgt=5",
                "zero.server.colour=blue", "zero.server.shutdown-grace-period=1s")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
                assertThat(analysis.getDescription()).startsWith("Zero for Spring has no configuration properties named:")
                    .contains("zero.server.colour (origin: ", "zero.server.heartbeat.intervall (origin: ",
                            "zero.server.maxInFlihgt (origin: ");
                assertThat(analysis.getAction().lines()).containsExactly("Correct or remove these keys:",
                        "    zero.server.colour: remove it, or use one of the keys of zero.server: address, backlog, "
                                + "call-timeout, enabled, heartbeat.*, high-water-mark, inbound.*, max-in-flight, "
                                + "max-in-flight-per-peer, outbound.*, peer-buffer-budget, port, shutdown.*, "
                                + "stop-application-on-failure, tcp.*, workers, zeromq.*.",
                        "    zero.server.heartbeat.intervall: did you mean zero.server.heartbeat.interval?",
                        "    zero.server.maxInFlihgt: did you mean zero.server.max-in-flight?",
                        "    zero.server.shutdown-grace-period: did you mean zero.server.shutdown.grace-period?");
            });
    }

    @Test
    void shouldRegisterInitializerAndFailureAnalyzerInSpringFactories() {
        SpringFactoriesLoader loader = SpringFactoriesLoader.forDefaultResourceLocation();
        assertThat(loader.load(ApplicationContextInitializer.class))
            .anyMatch(ZeroServerPortInfoApplicationContextInitializer.class::isInstance);
        assertThat(loader.load(org.springframework.boot.diagnostics.FailureAnalyzer.class, null,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
                })))
            .anyMatch(ZeroServerPortInUseFailureAnalyzer.class::isInstance)
            .anyMatch(ZeroServerBindFailureAnalyzer.class::isInstance);
    }

    @Test
    void shouldServeProxiedBeansThroughTheirProxies() {
        List<String> intercepted = new ArrayList<>();
        runner.withBean("greeting", TestFunctions.Greeting.class, () -> proxy(new TestFunctions.GreetingImpl(), false,
                intercepted))
            .withBean("classGreeting", TestFunctions.ClassGreeting.class,
                    () -> proxy(new TestFunctions.ClassGreeting(), true, intercepted))
            .run(context -> {
                assertThat(call(context, "hello", "ann")).isEqualTo("hello ann");
                assertThat(call(context, "class_hello", "bob")).isEqualTo("class hello bob");
                assertThat(intercepted).containsExactly("hello", "hello");
            });
    }

    @Test
    void shouldKeepZeroRpcBeansEagerUnderLazyInitialization() {
        runner.withBean(LazyInitializationBeanFactoryPostProcessor.class)
            .withBean("greeter", TestFunctions.Greeter.class)
            .run(context -> assertThat(call(context, "greet", "ann")).isEqualTo("hello ann"));
    }

    @Test
    void shouldAnswerCallsInFlightWhenContextCloses() {
        runner.withBean("greeter", TestFunctions.Greeter.class).run(context -> {
            TestFunctions.Greeter greeter = context.getBean(TestFunctions.Greeter.class);
            int port = context.getBean(ZeroServerLifecycle.class).getServer().port();
            try (RawDealer dealer = new RawDealer(port)) {
                dealer.send(1, "slow", null);
                assertThat(greeter.slowEntered.await(20, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
                AtomicInteger n = new AtomicInteger(100);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    byte[] reply = dealer.call(RequestFrame.encode(RawDealer.id(n.incrementAndGet()), "quick", null));
                    assertThat(CODEC.decode(reply, 16, reply.length - 16))
                        .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "server is shutting down"));
                });
                assertThat(closed).isNotDone();
                greeter.releaseSlow.countDown();
                byte[] reply = dealer.receive();
                assertThat(RawDealer.idOf(reply)).isEqualTo(1);
                assertThat(CODEC.decode(reply, 16, reply.length - 16)).isEqualTo("released");
                closed.get(20, TimeUnit.SECONDS);
            }
        });
    }

    private void assertStartupFailure(Class<?> beanClass, String message) {
        runner.withBean("functions", beanClass).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, boolean proxyTargetClass, List<String> intercepted) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(proxyTargetClass);
        factory.addAdvice((MethodInterceptor) invocation -> {
            intercepted.add(invocation.getMethod().getName());
            return invocation.proceed();
        });
        return (T) factory.getProxy();
    }

    private static Object call(AssertableApplicationContext context, String function, Object argument) {
        int port = context.getBean(ZeroServerLifecycle.class).getServer().port();
        try (RawDealer dealer = new RawDealer(port)) {
            byte[] reply = dealer.call(RequestFrame.encode(RawDealer.id(1), function,
                    argument == null ? null : CODEC.encode(argument)));
            return CODEC.decode(reply, 16, reply.length - 16);
        }
    }

    static class CountingExecutor implements Executor {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public void execute(Runnable command) {
            count.incrementAndGet();
            new Thread(command).start();
        }
    }

    static class PortHolder {

        @LocalZeroServerPort
        int port;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLifecycleConfiguration {

        @Bean
        ZeroServerLifecycle myLifecycle(ZeroServer server,
                org.springframework.context.ApplicationContext applicationContext) {
            return new ZeroServerLifecycle(server, Duration.ZERO, false, applicationContext);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        @Order(2)
        ZeroServerCustomizer second() {
            return builder -> builder.settings(settings -> settings.withHighWaterMark(settings.highWaterMark() + 1));
        }

        @Bean
        @Order(1)
        ZeroServerCustomizer first() {
            return builder -> builder.settings(settings -> settings.withHighWaterMark(10));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserServerConfiguration {

        @Bean
        ZeroServer myServer(ZeroRpcEndpointRegistry registry) {
            return ZeroServer.builder()
                .endpoints(registry)
                .workers(Runnable::run)
                .settings(ZeroServerSettings.defaults("127.0.0.1", 0).withMaxInFlight(7, 7))
                .build();
        }
    }
}
