package io.zeroapi.autoconfigure.server;

import io.zeroapi.server.ZeroServerBindException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because the Zero server's address cannot be bound (not an address of this machine,
 * unknown host, not permitted), and how to fix it.
 */
class ZeroServerBindFailureAnalyzer extends AbstractFailureAnalyzer<ZeroServerBindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ZeroServerBindException cause) {
        return new FailureAnalysis("Zero server cannot bind tcp://" + cause.getAddress() + ":" + cause.getPort() + ": "
                + ZeroServerBindException.reason(cause.getCause()) + ".",
                "Set zero.server.address to an address of this machine ('*' for all interfaces, 127.0.0.1 for "
                        + "loopback only), or zero.server.port to a port this process may bind.",
                cause);
    }
}
