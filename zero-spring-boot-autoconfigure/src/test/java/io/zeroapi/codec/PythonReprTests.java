package io.zeroapi.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PythonRepr}.
 */
class PythonReprTests {

    @Test
    void shouldFormatExceptionLikePythonRepr() {
        assertThat(PythonRepr.exception(new IllegalArgumentException("boom"))).isEqualTo("IllegalArgumentException('boom')");
        assertThat(PythonRepr.exception(new IllegalStateException())).isEqualTo("IllegalStateException()");
    }

    @Test
    void shouldChooseQuotesAndEscapeLikePython() {
        assertThat(PythonRepr.string("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.string("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonRepr.string("a\\b\n\t\u0001")).isEqualTo("'a\\\\b\\n\\t\\x01'");
    }
}
