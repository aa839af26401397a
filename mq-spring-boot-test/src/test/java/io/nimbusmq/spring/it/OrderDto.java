package io.nimbusmq.spring.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payload with the types JSON conversion gets wrong without the application's mapper: dates and decimals. */
public record OrderDto(String id, BigDecimal amount, LocalDate day, Instant createdAt) {

    public static OrderDto sample(String id) {
        return new OrderDto(id, new BigDecimal("12.50"), LocalDate.of(2026, 3, 14),
                Instant.parse("2026-03-14T09:26:53Z"));
    }
}
