package io.nimbusmq.spring.it;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTraceContextBuilder;
import io.micrometer.tracing.test.simple.SimpleTracer;

/**
 * W3C trace context ({@code traceparent: 00-<trace id>-<span id>-01}) for micrometer-tracing-test's
 * {@link SimpleTracer}, which has no propagator of its own; what Brave's and OpenTelemetry's W3C propagators write.
 */
final class W3cTestPropagator implements Propagator {

    static final String TRACEPARENT = "traceparent";

    private final SimpleTracer tracer;

    W3cTestPropagator(SimpleTracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public List<String> fields() {
        return List.of(TRACEPARENT);
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
        setter.set(carrier, TRACEPARENT, "00-" + context.traceId() + "-" + context.spanId() + "-01");
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
        String header = getter.get(carrier, TRACEPARENT);
        if (header == null) {
            return tracer.spanBuilder();
        }
        String[] parts = header.split("-");
        return tracer.spanBuilder().setParent(new SimpleTraceContextBuilder().traceId(parts[1]).spanId(parts[2])
                .sampled(true).build());
    }
}
