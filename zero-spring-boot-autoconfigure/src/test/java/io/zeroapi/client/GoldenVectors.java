package io.zeroapi.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The recorded calls of {@code vectors/zeromq-v0.9.json} (a copy in {@code src/test/resources/client}) that a
 * correct client makes: every {@code kind=call} case except the raw ones.
 */
final class GoldenVectors {

    record Case(String pythonCall, String function, byte[] payload, byte[] requestAfterId, byte[] replyBody) {

        @Override
        public String toString() {
            return pythonCall;
        }
    }

    private GoldenVectors() {
    }

    static List<Case> calls() {
        try (InputStream in = GoldenVectors.class.getResourceAsStream("/client/zeromq-v0.9.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            HexFormat hex = HexFormat.of();
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                String call = node.get("python_call").asText();
                if (!"call".equals(node.get("kind").asText()) || call.startsWith("(raw)")) {
                    continue;
                }
                cases.add(new Case(call, node.get("function").asText(), hex.parseHex(node.get("payload_hex").asText()),
                        hex.parseHex(node.get("request_after_id_hex").asText()),
                        hex.parseHex(node.get("reply_body_hex").asText())));
            }
            return cases;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Case find(String function, String payloadHex) {
        byte[] payload = HexFormat.of().parseHex(payloadHex);
        return calls().stream()
            .filter(c -> c.function().equals(function) && java.util.Arrays.equals(c.payload(), payload))
            .findFirst()
            .orElseThrow();
    }
}
