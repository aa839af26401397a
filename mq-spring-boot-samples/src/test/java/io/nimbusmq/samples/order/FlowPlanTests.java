package io.nimbusmq.samples.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nimbusmq.samples.contract.Order;
import io.nimbusmq.samples.contract.ShippingLabel;
import io.nimbusmq.samples.contract.StatusChange;

class FlowPlanTests {

    private final FlowPlan plan = FlowPlan.forRun("r1");

    @Test
    void everyIdCarriesTheRunIdAndOrdersAreDistinct() {
        List<Order> orders = List.of(plan.syncOrder(), plan.asyncOrder(), plan.oneWayOrder(), plan.customsOrder(),
                plan.committed(), plan.rolledBack(), plan.checkedBack());
        List<String> ids = new ArrayList<>(orders.stream().map(Order::id).toList());
        plan.labels().stream().map(ShippingLabel::labelId).forEach(ids::add);

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("r1-"));
        assertThat(plan.trackedOrders()).allMatch(orders::contains);
    }

    @Test
    void theSql92SelectorMatchesOnlyTheSyncOrderAmongTheCreatedOnes() {
        List<Order> created = List.of(plan.syncOrder(), plan.asyncOrder(), plan.oneWayOrder());

        assertThat(created).filteredOn(o -> o.region().equals("EU") && o.amount() > 100)
                .containsExactly(plan.syncOrder());
    }

    @Test
    void theRolledBackOrderIsOutOfStockAndTheOthersAreNot() {
        assertThat(OrdersTable.OUT_OF_STOCK).contains(plan.rolledBack().item())
                .doesNotContain(plan.committed().item(), plan.checkedBack().item());
    }

    @Test
    void statusChangesInterleaveOrdersWithIncreasingSteps() {
        List<StatusChange> changes = plan.statusChanges();

        assertThat(changes).hasSize(FlowPlan.STATUSES.size() * plan.trackedOrders().size());
        for (Order order : plan.trackedOrders()) {
            assertThat(changes.stream().filter(c -> c.orderId().equals(order.id())).map(StatusChange::status))
                    .containsExactlyElementsOf(FlowPlan.STATUSES);
        }
        assertThat(changes.get(0).orderId()).isNotEqualTo(changes.get(1).orderId());
    }
}
