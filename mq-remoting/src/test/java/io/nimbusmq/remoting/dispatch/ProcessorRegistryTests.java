package io.nimbusmq.remoting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class ProcessorRegistryTests {

    private final ExecutorService executor = new DirectExecutorService(false);
    private final RequestProcessor processor = (ctx, request) -> null;

    @Test
    void mapsEveryCodeToItsProcessorAndExecutor() {
        ProcessorRegistry registry = new ProcessorRegistry().register(processor, executor, 14, 15);

        assertThat(registry.binding(14)).hasValueSatisfying(binding -> {
            assertThat(binding.processor()).isSameAs(processor);
            assertThat(binding.executor()).isSameAs(executor);
        });
        assertThat(registry.binding(15)).isPresent();
        assertThat(registry.binding(16)).isEmpty();
        assertThat(registry.registeredCodes()).containsExactly(14, 15);
    }

    @Test
    void servesCodesInsideAndOutsideTheDirectTableAlike() {
        RequestProcessor other = (ctx, request) -> null;
        int last = ProcessorRegistry.DIRECT_CODES - 1;
        int beyond = ProcessorRegistry.DIRECT_CODES;
        ProcessorRegistry registry = new ProcessorRegistry()
                .register(processor, executor, 0, last, beyond, 200050)
                .register(other, executor, -3, 310);

        for (int code : new int[] {0, last, beyond, 200050}) {
            assertThat(registry.binding(code)).as("code %d", code)
                    .hasValueSatisfying(binding -> assertThat(binding.processor()).isSameAs(processor));
        }
        for (int code : new int[] {-3, 310}) {
            assertThat(registry.binding(code)).as("code %d", code)
                    .hasValueSatisfying(binding -> assertThat(binding.processor()).isSameAs(other));
        }
        for (int code : new int[] {1, 309, last - 1, beyond + 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(registry.binding(code)).as("code %d", code).isEmpty();
        }
        assertThat(registry.registeredCodes()).containsExactly(-3, 0, 310, last, beyond, 200050);
    }

    @Test
    void refusesDuplicateCodesWithoutRegisteringAnyOfTheCall() {
        ProcessorRegistry registry = new ProcessorRegistry().register(processor, executor, 14);

        assertThatThrownBy(() -> registry.register((ctx, request) -> null, executor, 20, 14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request code 14 is already handled");
        assertThat(registry.binding(20)).isEmpty();
    }

    @Test
    void refusesRegistrationWithoutCodes() {
        assertThatThrownBy(() -> new ProcessorRegistry().register(processor, executor))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRegistrationOnceSealed() {
        ProcessorRegistry registry = new ProcessorRegistry();
        registry.seal();

        assertThat(registry.isSealed()).isTrue();
        assertThatThrownBy(() -> registry.register(processor, executor, 14))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed");
    }
}
