package io.zeroapi.demo.service;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order, the "save" scenario of Zero's benchmarks. The id is given by the store when the order is saved.
 *
 * @param id the order id, {@code null} until saved
 * @param userId the user who ordered
 * @param items the ordered items
 */
public record Order(@Nullable String id, int userId, List<String> items) {
}
