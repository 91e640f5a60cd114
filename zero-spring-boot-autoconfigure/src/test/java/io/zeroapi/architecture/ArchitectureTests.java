package io.zeroapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that keep the house in order, checked on the library's compiled classes: the runtime knows nothing of
 * Spring Boot, packages form no cycle, only {@code io.zeroapi.internal.zeromq} touches JeroMQ's internals, only the TCP
 * transports ({@code Tcp*}) and {@code io.zeroapi.internal.netty} use Netty, the request handling of server and
 * client knows no socket type, and only the discovery glue knows Spring Cloud.
 */
class ArchitectureTests {

    private static final String[] RUNTIME = { "io.zeroapi", "io.zeroapi.codec..", "io.zeroapi.frame..",
            "io.zeroapi.internal..", "io.zeroapi.endpoint..", "io.zeroapi.server..", "io.zeroapi.client..",
            "io.zeroapi.lifecycle..", "io.zeroapi.observation.." };

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.zeroapi");

    @Test
    void runtimeDoesNotDependOnSpringBoot() {
        check(noClasses().that().resideInAnyPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAPackage("org.springframework.boot.."));
    }

    @Test
    void packagesFormNoCycle() {
        check(slices().matching("io.zeroapi.(**)").should().beFreeOfCycles());
    }

    @Test
    void onlyTheInternalZeroMqPackageUsesJeroMqInternals() {
        check(noClasses().that().resideOutsideOfPackage("io.zeroapi.internal..")
            .should().dependOnClassesThat().resideInAPackage("zmq.."));
    }

    @Test
    void onlyTheTcpTransportsAndTheInternalNettyPackageUseNetty() {
        check(noClasses().that().resideOutsideOfPackage("io.zeroapi.internal.netty..")
            .and().haveNameNotMatching(".*\\.Tcp[^.]*")
            .should().dependOnClassesThat().resideInAPackage("io.netty.."));
    }

    @Test
    void serverRequestHandlingKnowsNoSocketType() {
        check(noClasses().that().resideInAPackage("io.zeroapi.server")
            .and(not(simpleNameStartingWith("Zmq"))).and().haveNameNotMatching(".*\\.Tcp[^.]*")
            .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "io.netty..", "io.zeroapi.internal.."));
    }

    @Test
    void clientCallHandlingKnowsNoSocketType() {
        check(noClasses().that().resideInAPackage("io.zeroapi.client")
            .and(not(simpleNameStartingWith("Zmq"))).and().haveNameNotMatching(".*\\.Tcp[^.]*")
            .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "io.netty..", "io.zeroapi.internal.."));
    }

    @Test
    void onlyTheDiscoveryGlueUsesSpringCloud() {
        check(noClasses().that().resideOutsideOfPackage("io.zeroapi.autoconfigure.discovery..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.cloud.."));
    }

    @Test
    void theCodecAndTheFramesKnowNothingOfTransportsOrSpringContexts() {
        check(noClasses().that().resideInAnyPackage("io.zeroapi.codec..", "io.zeroapi.frame..")
            .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "zmq..", "io.netty..", "io.zeroapi.internal..",
                    "io.zeroapi.server..", "io.zeroapi.client..", "org.springframework.context.."));
    }

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }
}
