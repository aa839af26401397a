package io.nimbusmq.samples.logistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.samples.contract.StatusChange;
import io.nimbusmq.samples.contract.Topics;
import io.nimbusmq.spring.annotation.MessageListener;

/**
 * BROADCASTING: every instance of the logistics service keeps its own status board (the latest status of each
 * order), so every instance receives every status change, where a clustering group would split them.
 */
@Component
public class StatusBoardListener {

    public static final String NAME = "status-board";

    private final LogisticsJournal journal;
    private final Map<String, StatusChange> board = new ConcurrentHashMap<>();

    public StatusBoardListener(LogisticsJournal journal) {
        this.journal = journal;
    }

    @MessageListener(topic = Topics.ORDER_STATUS, consumerGroup = "logistics-status-board",
            messageModel = MessageModel.BROADCASTING)
    public void onStatusChange(StatusChange change) {
        board.merge(change.orderId(), change, (old, now) -> now.step() > old.step() ? now : old);
        journal.record(NAME, change.key(), "board shows " + change.orderId() + " "
                + board.get(change.orderId()).status() + " (broadcast: every instance gets it)");
    }
}
