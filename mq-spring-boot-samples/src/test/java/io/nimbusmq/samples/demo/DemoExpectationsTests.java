package io.nimbusmq.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nimbusmq.samples.logistics.LogisticsJournal;
import io.nimbusmq.samples.logistics.ShipmentListener;
import io.nimbusmq.samples.logistics.WarehouseListener;
import io.nimbusmq.samples.order.FlowPlan;

class DemoExpectationsTests {

    private final FlowPlan plan = FlowPlan.forRun("r1");
    private final List<Expectation> expectations = DemoExpectations.of(plan);

    @Test
    void everyLogisticsListenerHasAnExpectation() {
        assertThat(expectations).extracting(Expectation::listener).containsExactlyInAnyOrder("shipments",
                "eu-priority", "tracking", "status-board", "reminders", "labels", "warehouse", "quotes", "customs",
                "dead-letters");
    }

    @Test
    void theRolledBackOrderIsExpectedNowhere() {
        assertThat(expectations).allSatisfy(e -> assertThat(e.expected()).doesNotContain(plan.rolledBack().id()));
    }

    @Test
    void missingAndUnexpectedKeysAreReportedAndOtherRunsIgnored() {
        LogisticsJournal journal = new LogisticsJournal();
        Expectation shipments = expectations.stream().filter(e -> e.listener().equals(ShipmentListener.NAME))
                .findFirst().orElseThrow();
        journal.record(ShipmentListener.NAME, plan.syncOrder().id(), "");
        journal.record(ShipmentListener.NAME, plan.customsOrder().id(), "");
        journal.record(ShipmentListener.NAME, "r2-1", "");
        journal.record(WarehouseListener.NAME, plan.asyncOrder().id(), "");

        assertThat(shipments.missing(journal, plan.runId()))
                .containsExactly(plan.asyncOrder().id(), plan.oneWayOrder().id());
        assertThat(shipments.unexpected(journal, plan.runId())).containsExactly(plan.customsOrder().id());
    }
}
