package io.nimbusmq.payments;

import java.math.BigDecimal;

/** A payment event, sent as JSON (unchanged by the port). */
public record Payment(String id, BigDecimal amount) {
}
