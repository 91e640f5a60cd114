package io.zeroapi.robustness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What callers send is kept off the I/O thread and out of logs and replies in bulk: a method without a parameter
 * refuses a large payload unread, {@code get_rpc_contract} refuses a large argument, text echoed in replies is cut,
 * replies over the server's limit become a server exception, and control characters cannot forge log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallerTextTests {

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private ZeroServer server;

    private RawDealer dealer;

    @BeforeEach
    void start() {
        server = TestServers.start(new RobustFunctions(), workers, 4 * 1024 * 1024, 10_000);
        dealer = new RawDealer(server.port());
    }

    @AfterEach
    void stop() {
        dealer.close();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldRefuseALargePayloadToAMethodWithoutParameterAndKeepPythonsBehaviourForSmallOnes() {
        assertThat(dealer.call(1, "ping", "small")).isEqualTo("pong");
        Map<?, ?> error = (Map<?, ?>) dealer.call(2, "ping", "x".repeat(1024 * 1024));
        assertThat(error.get(ZeroErrors.VALIDATION_ERROR))
            .isEqualTo("Function `ping` takes no argument, got a payload of " + (1024 * 1024 + 5) + " bytes");
    }

    @Test
    void shouldRefuseALargeContractArgumentWithAShortAnswer() {
        byte[] reply = callRaw(3, "get_rpc_contract", List.of("x".repeat(100_000), 5559));
        assertThat(reply.length).isLessThan(200);
        Map<?, ?> error = (Map<?, ?>) RawDealer.body(reply);
        assertThat((String) error.get(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE)).startsWith("expected [host, port]");
        assertThat(dealer.call(4, "get_rpc_contract", List.of("localhost", 5559))).asString()
            .contains("class RpcClient");
    }

    @Test
    void shouldCutLongCallerTextInErrorReplies() {
        byte[] reply = callRaw(5, "assert_fail", "y".repeat(100_000));
        assertThat(reply.length).isLessThan(1000);
        assertThat((String) ((Map<?, ?>) RawDealer.body(reply)).get(ZeroErrors.SERVER_EXCEPTION))
            .startsWith("AssertionError('yyyy").contains("more characters)");
    }

    @Test
    void shouldAnswerAReplyOverTheServersLimitWithAServerException() {
        Map<?, ?> error = (Map<?, ?>) dealer.call(6, "big_reply", 5 * 1024 * 1024);
        assertThat((String) error.get(ZeroErrors.SERVER_EXCEPTION)).startsWith("reply of ")
            .endsWith("bytes is over the server's limit of 4194304 bytes");
        assertThat(dealer.call(7, "big_reply", 10)).isEqualTo("x".repeat(10));
    }

    @Test
    void shouldEscapeControlCharactersOfCallerTextInLogLines(CapturedOutput output) {
        dealer.call(8, "no\nsuch\rfunction", null);
        assertThat(output.getAll()).contains("No Zero function 'no\\nsuch\\rfunction'")
            .doesNotContain("no\nsuch");
    }

    @Test
    void shouldNotWarnAboutZeroBuiltIns(CapturedOutput output) {
        Map<?, ?> error = (Map<?, ?>) dealer.call(9, "__server_info__", null);
        assertThat(error.containsKey(ZeroErrors.FUNCTION_NOT_FOUND)).isTrue();
        assertThat(output.getAll()).doesNotContain("__server_info__");
    }

    @Test
    void shouldLogAHandlerFailureAsOneWarnLineWithoutItsStackTrace(CapturedOutput output) {
        dealer.call(10, "assert_fail", "business rule broken");
        assertThat(output.getAll())
            .contains("Zero function 'assert_fail' failed: java.lang.AssertionError: business rule broken (stack trace "
                    + "at DEBUG")
            .doesNotContain("at io.zeroapi.robustness.RobustFunctions.assertFail");
    }

    private byte[] callRaw(long n, String function, Object argument) {
        dealer.send(RequestFrame.encode(RawDealer.id(n), function, Codecs.CODEC.encode(argument)));
        return dealer.awaitReply(n, other -> {
        });
    }
}
