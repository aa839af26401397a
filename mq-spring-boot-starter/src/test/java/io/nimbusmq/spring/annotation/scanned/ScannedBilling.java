package io.nimbusmq.spring.annotation.scanned;

import org.springframework.stereotype.Component;

import io.nimbusmq.spring.annotation.MessageListener;

/** Method-level listeners on a scanned component: one bean, one endpoint per method. */
@Component
public class ScannedBilling {

    @MessageListener(topic = "scanned-orders", consumerGroup = "scanned-billing")
    void onOrder(String body) {
    }
}
