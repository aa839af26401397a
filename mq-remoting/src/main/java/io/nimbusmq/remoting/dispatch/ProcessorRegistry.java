package io.nimbusmq.remoting.dispatch;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The registration table: request code to {@link ProcessorBinding}. It is written once, while the server or client
 * is being assembled; {@link #seal()} (called when the transport starts) freezes it. There is no default
 * processor: codes nobody registered are answered with REQUEST_CODE_NOT_SUPPORTED.
 *
 * <p>Lookups run once per request: codes below {@value #DIRECT_CODES} (all common ones) are served from an array
 * indexed by code, holding ready-made {@link Optional}s so a lookup allocates nothing; other codes use the map.
 *
 * <p>The registry does not own the executors; whoever creates them shuts them down.
 */
public final class ProcessorRegistry {

    static final int DIRECT_CODES = 4096;

    private final Map<Integer, ProcessorBinding> bindings = new ConcurrentHashMap<>();
    /** Index = code; replaced (copy on write) by register, so readers see a complete table. */
    private volatile Optional<ProcessorBinding>[] direct = emptyTable();
    private volatile boolean sealed;
    private volatile RequestPreprocessor preprocessor = RequestPreprocessor.NONE;

    /**
     * Routes every code in {@code codes} to {@code processor}, run on {@code executor}.
     *
     * @throws IllegalStateException when the registry is sealed
     * @throws IllegalArgumentException when no code is given or a code is already registered
     */
    public synchronized ProcessorRegistry register(RequestProcessor processor, ExecutorService executor,
                                                   int... codes) {
        if (sealed) {
            throw new IllegalStateException("processor registry is sealed; register processors before starting");
        }
        if (codes == null || codes.length == 0) {
            throw new IllegalArgumentException("register at least one request code for " + processor);
        }
        ProcessorBinding binding = new ProcessorBinding(processor, executor);
        for (int code : codes) {
            ProcessorBinding existing = bindings.get(code);
            if (existing != null) {
                throw new IllegalArgumentException("request code " + code + " is already handled by "
                        + existing.processor());
            }
        }
        Optional<ProcessorBinding>[] table = direct.clone();
        for (int code : codes) {
            bindings.put(code, binding);
            if (code >= 0 && code < DIRECT_CODES) {
                table[code] = Optional.of(binding);
            }
        }
        direct = table;
        return this;
    }

    /**
     * Sets the check every supported request passes before its processor (replacing {@link RequestPreprocessor#NONE}).
     *
     * @throws IllegalStateException when the registry is sealed
     */
    public synchronized ProcessorRegistry preprocessor(RequestPreprocessor value) {
        if (sealed) {
            throw new IllegalStateException("processor registry is sealed; set the preprocessor before starting");
        }
        this.preprocessor = Objects.requireNonNull(value, "preprocessor");
        return this;
    }

    /** The check every supported request passes first; {@link RequestPreprocessor#NONE} unless one was set. */
    public RequestPreprocessor preprocessor() {
        return preprocessor;
    }

    /** The binding for {@code code}, empty when the code is not supported. */
    public Optional<ProcessorBinding> binding(int code) {
        if (code >= 0 && code < DIRECT_CODES) {
            return direct[code];
        }
        return Optional.ofNullable(bindings.get(code));
    }

    @SuppressWarnings("unchecked")
    private static Optional<ProcessorBinding>[] emptyTable() {
        Optional<ProcessorBinding>[] table = new Optional[DIRECT_CODES];
        Arrays.fill(table, Optional.empty());
        return table;
    }

    /** The registered codes, ascending. */
    public Set<Integer> registeredCodes() {
        return Collections.unmodifiableSet(new TreeSet<>(bindings.keySet()));
    }

    /** Freezes the table; later {@link #register} calls fail. Idempotent. */
    public void seal() {
        sealed = true;
    }

    public boolean isSealed() {
        return sealed;
    }
}
