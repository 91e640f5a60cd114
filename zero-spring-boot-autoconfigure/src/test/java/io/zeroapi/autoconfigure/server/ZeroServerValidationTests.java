package io.zeroapi.autoconfigure.server;

import java.util.Map;

import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.testing.RawDealer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean-validation failure of a {@code @Validated} bean is answered with Zero's validation error listing the
 * violations (Python raises {@code ValidationException}, Java {@code ZeroValidationException}), not a server
 * exception.
 */
class ZeroServerValidationTests {

    private static final ZeroCodec CODEC = new ZeroCodec();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, ZeroAutoConfiguration.class,
                ZeroServerAutoConfiguration.class))
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1")
        .withBean("orders", Orders.class);

    @Test
    void shouldAnswerConstraintViolationsAsAValidationError() {
        runner.run(context -> {
            assertThat(call(context, "find", "")).isEqualTo(
                    Map.of(ZeroErrors.VALIDATION_ERROR, "find.customer: must not be blank"));
            assertThat(call(context, "find", "ann")).isEqualTo("orders of ann");
        });
    }

    @Test
    void shouldListEveryViolationOfAValidatedRecord() {
        runner.run(context -> assertThat(call(context, "place", Map.of("customer", " ", "quantity", 0))).isEqualTo(
                Map.of(ZeroErrors.VALIDATION_ERROR, "place.order.customer: must not be blank; "
                        + "place.order.quantity: must be greater than or equal to 1")));
    }

    private static Object call(AssertableApplicationContext context, String function, Object argument) {
        int port = context.getBean(ZeroServerLifecycle.class).getServer().port();
        try (RawDealer dealer = new RawDealer(port)) {
            byte[] reply = dealer.call(RequestFrame.encode(RawDealer.id(1), function, CODEC.encode(argument)));
            return CODEC.decode(reply, 16, reply.length - 16);
        }
    }

    /** An order to place. */
    public record Order(@NotBlank String customer, @Min(1) int quantity) {
    }

    /** A validated bean. */
    @Validated
    public static class Orders {

        @ZeroRpc("find")
        public String find(@NotBlank String customer) {
            return "orders of " + customer;
        }

        @ZeroRpc("place")
        public String place(@Valid Order order) {
            return "placed " + order.quantity();
        }
    }
}
