package io.nimbusmq.samples.logistics;

import java.util.List;

import org.springframework.stereotype.Component;

import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqBatchListener;

/** A batch listener: prints up to 10 shipping labels per call. */
@Component
@MessageListener(topic = Topics.SHIPPING_LABELS, consumerGroup = "logistics-labels", batch = true, batchSize = "10")
public class LabelBatchListener implements MqBatchListener<ShippingLabel> {

    public static final String NAME = "labels";

    private final LogisticsJournal journal;

    public LabelBatchListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @Override
    public void onMessages(List<ShippingLabel> labels) {
        for (ShippingLabel label : labels) {
            journal.record(NAME, label.labelId(), "print " + label.carrier() + " label for " + label.orderId()
                    + " (one call for " + labels.size() + " labels)");
        }
    }
}
