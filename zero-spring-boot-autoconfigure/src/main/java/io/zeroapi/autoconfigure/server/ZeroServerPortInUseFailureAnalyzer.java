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
        String property = cause.isTcp() ? "zero.server.tcp.port" : "zero.server.port";
        return new FailureAnalysis("Zero server " + (cause.isTcp() ? "TCP " : "") + "port " + cause.getPort()
                + " is already in use.", "Set " + property + "=0 or another free port, or stop the process using it.",
                cause);
    }
}
