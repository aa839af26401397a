package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.nimbusmq.spring.listener.InvalidSelectorException;

/** Explains an {@link InvalidSelectorException}: the expression, where it breaks, and the grammar. */
public class InvalidSelectorFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSelectorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSelectorException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the selectorExpression. SQL92 selectors compare message properties (headers) with literals: "
                        + "= <> > >= < <=, [NOT] BETWEEN a AND b, [NOT] IN ('a', 'b'), IS [NOT] NULL, "
                        + "[NOT] CONTAINS/STARTSWITH/ENDSWITH 'x', AND, OR, NOT; strings in single quotes; "
                        + "only numbers are ordered with > and <.",
                cause);
    }
}
