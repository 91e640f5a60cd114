package io.zeroapi.testing;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The failure analysis Spring Boot reports for a startup failure: that of the first {@link FailureAnalyzer} in
 * {@code spring.factories} (Boot's and ours, in their order) that explains it.
 */
public final class FailureAnalyses {

    private FailureAnalyses() {
    }

    public static FailureAnalysis of(Throwable failure) {
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
            }))) {
            FailureAnalysis analysis;
            try {
                analysis = analyzer.analyze(failure);
            }
            catch (RuntimeException ex) {
                continue;
            }
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("No failure analyzer explains " + failure);
    }
}
