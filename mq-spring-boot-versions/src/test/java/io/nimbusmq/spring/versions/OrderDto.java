package io.nimbusmq.spring.versions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payload with dates, decimals and a two-word property (the application's naming strategy shows on it). */
public record OrderDto(String id, String customerId, BigDecimal amount, LocalDate day, Instant createdAt) {

    public static OrderDto sample(String id) {
        return new OrderDto(id, "c-" + id, new BigDecimal("12.50"), LocalDate.of(2026, 3, 14),
                Instant.parse("2026-03-14T09:26:53Z"));
    }
}
