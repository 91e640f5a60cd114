package io.zeroapi.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the golden vector files and holds the Java types that mirror the Python types used in them.
 */
public final class VectorFixtures {

    private VectorFixtures() {
    }

    /** Python {@code @dataclass User(id: int, name: str, email: str)}. */
    public record User(int id, String name, String email) {
    }

    /** Python {@code msgspec.Struct Order(id: int, amount: float, customer: str, created_at: datetime)}. */
    public record Order(long id, double amount, String customer, @JsonProperty("created_at") Instant createdAt) {
    }

    /** Python {@code IntEnum Color(RED = 1)}. */
    public enum Color {

        RED(1), GREEN(2);

        private final int value;

        Color(int value) {
            this.value = value;
        }

        @JsonValue
        int value() {
            return value;
        }
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static JsonNode load(String name) {
        try (InputStream in = VectorFixtures.class.getResourceAsStream("/vectors/" + name)) {
            return new ObjectMapper().readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static List<JsonNode> cases(String name, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : load(name).get("cases")) {
            if (kind == null || kind.equals(node.path("kind").asText())) {
                out.add(node);
            }
        }
        return out;
    }
}
