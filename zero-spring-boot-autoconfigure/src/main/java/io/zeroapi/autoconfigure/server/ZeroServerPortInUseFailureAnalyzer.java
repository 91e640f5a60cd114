package io.zeroapi.autoconfigure.server;

import io.zeroapi.server.ZeroServerPortInUseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because the Zero server's port is taken, and how to fix it.
 */
class ZeroServerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<ZeroServerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ZeroServerPortInUseException cause) {
        return new FailureAnalysis("Zero server port " + cause.getPort() + " is already in use.",
                "Set zero.server.port=0 or another free port, or stop the process using it.",
                cause);
    }
}
